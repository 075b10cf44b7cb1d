package app.scimconsole.scim;

/**
 * Text that can be stored and given back exactly as it was sent. Two kinds of character cannot: NUL, which
 * PostgreSQL refuses in text (and SQLite would keep, so the engines would disagree), and a surrogate without its
 * pair, which both databases' drivers store as "?" — a value acknowledged but not kept.
 */
public final class StorableText {
    private StorableText() {
    }

    /** The index (of a {@code char}) of the first character that cannot be stored, or -1. */
    public static int firstUnstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!storableAt(s, i)) {
                return i;
            }
            if (Character.isHighSurrogate(s.charAt(i))) {
                i++; // its pair
            }
        }
        return -1;
    }

    public static boolean isStorable(String s) {
        return firstUnstorable(s) < 0;
    }

    /** The text with each character that cannot be stored replaced by U+FFFD, to be shown or logged. */
    public static String printable(String s) {
        if (s == null || isStorable(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!storableAt(s, i)) {
                b.append('\uFFFD');
            } else if (Character.isHighSurrogate(s.charAt(i))) {
                b.append(s, i, i + 2);
                i++;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** Whether the character at {@code i} can be stored: not NUL, and a surrogate only as part of a pair. */
    private static boolean storableAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '\0') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c);
    }
}
