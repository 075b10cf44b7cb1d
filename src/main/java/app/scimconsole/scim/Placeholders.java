package app.scimconsole.scim;

import java.util.List;

/**
 * The {@code {0}}, {@code {1}}… of {@link ScimProblem}'s English templates. Deliberately not
 * {@link java.text.MessageFormat}: the wire's details quote names with a plain apostrophe and show JSON braces, both
 * of which MessageFormat would eat; here only a brace around digits is a placeholder.
 */
final class Placeholders {
    private Placeholders() {
    }

    /** One more than the highest placeholder index; 0 when there is none. */
    static int arity(String template) {
        int arity = 0;
        for (int i = 0; i < template.length(); i++) {
            int end = placeholderEnd(template, i);
            if (end > 0) {
                arity = Math.max(arity, Integer.parseInt(template.substring(i + 1, end)) + 1);
                i = end;
            }
        }
        return arity;
    }

    /** The template with each placeholder replaced by its argument; a missing argument leaves the placeholder. */
    static String fill(String template, List<String> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            int end = placeholderEnd(template, i);
            if (end < 0) {
                out.append(template.charAt(i));
                continue;
            }
            int index = Integer.parseInt(template.substring(i + 1, end));
            out.append(index < args.size() ? args.get(index) : template.substring(i, end + 1));
            i = end;
        }
        return out.toString();
    }

    /** Where the placeholder starting at {@code at} closes, or -1 when no placeholder starts there. */
    private static int placeholderEnd(String template, int at) {
        if (template.charAt(at) != '{') {
            return -1;
        }
        int i = at + 1;
        while (i < template.length() && i - at <= 2 && template.charAt(i) >= '0' && template.charAt(i) <= '9') {
            i++;
        }
        return i > at + 1 && i < template.length() && template.charAt(i) == '}' ? i : -1;
    }
}
