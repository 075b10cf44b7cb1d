package app.scimconsole.domains;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A registrable e-mail domain in its one canonical form: lower case, no trailing dot, internationalized labels
 * in punycode ({@code xn--}). Two spellings of the same domain ("Bücher.Example." and "xn--bcher-kva.example")
 * give equal instances, so this is the key used everywhere a domain is stored or compared.
 */
public final class DomainName {
    private static final int MAX_LABEL = 63;
    private static final int MAX_TOTAL = 253;
    // IDN.toASCII also treats these as label separators; we split ourselves so each label can be judged alone.
    private static final Pattern DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]", Pattern.UNICODE_CASE);
    private static final Pattern LDH = Pattern.compile("[a-z0-9-]+");
    private static final Pattern IPV4ISH = Pattern.compile("[0-9.]+");

    private final String ascii;

    private DomainName(String ascii) {
        this.ascii = ascii;
    }

    /**
     * Normalises what a person typed. Throws {@link InvalidDomainException} (and nothing else), whose reason says
     * what is wrong, when the text is not a domain name.
     */
    public static DomainName parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidDomainException(ReasonCode.NAME_EMPTY);
        }
        String text = input.strip();
        rejectObviousMistakes(text);
        if (text.endsWith(".") || text.endsWith("\u3002") || text.endsWith("\uFF0E") || text.endsWith("\uFF61")) {
            text = text.substring(0, text.length() - 1);
        }
        if (IPV4ISH.matcher(text).matches()) {
            throw ipAddress(input.strip());
        }
        String[] labels = DOTS.split(text, -1);
        StringBuilder out = new StringBuilder();
        for (String label : labels) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(asciiLabel(label, input.strip()));
        }
        String ascii = out.toString();
        if (labels.length < 2) {
            throw new InvalidDomainException(ReasonCode.NAME_NOT_FULL, input.strip());
        }
        if (ascii.length() > MAX_TOTAL) {
            throw new InvalidDomainException(ReasonCode.NAME_TOO_LONG, MAX_TOTAL, ascii.length());
        }
        if (Character.isDigit(ascii.charAt(ascii.length() - 1))
                && ascii.substring(ascii.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            throw new InvalidDomainException(ReasonCode.NAME_ENDS_IN_NUMBER, input.strip());
        }
        return new DomainName(ascii);
    }

    private static void rejectObviousMistakes(String text) {
        if (text.contains("@")) {
            throw new InvalidDomainException(ReasonCode.NAME_EMAIL_ADDRESS);
        }
        if (text.contains("://") || text.contains("/")) {
            throw new InvalidDomainException(ReasonCode.NAME_WEB_ADDRESS);
        }
        if (text.contains(":") && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw ipAddress(text);
        }
    }

    private static String asciiLabel(String label, String whole) {
        if (label.isEmpty()) {
            throw new InvalidDomainException(ReasonCode.NAME_EMPTY_PART, whole);
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            // before IDN, whose refusal would only say "characters that are not allowed"
            throw new InvalidDomainException(ReasonCode.NAME_HYPHEN_AT_END, label);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // IDN's own messages are technical (and sometimes about the whole string); name the part instead.
            throw label.length() > MAX_LABEL ? tooLongLabel(label) : badCharacters(label);
        }
        if (ascii.length() > MAX_LABEL) {
            throw tooLongLabel(label);
        }
        if (!LDH.matcher(ascii).matches()) {
            throw badCharacters(label);
        }
        return ascii;
    }

    private static InvalidDomainException tooLongLabel(String label) {
        String shown = label.length() > 20 ? label.substring(0, 20) + "…" : label;
        return new InvalidDomainException(ReasonCode.NAME_PART_TOO_LONG, shown, MAX_LABEL);
    }

    private static InvalidDomainException badCharacters(String label) {
        return new InvalidDomainException(ReasonCode.NAME_BAD_CHARACTERS, label);
    }

    private static InvalidDomainException ipAddress(String text) {
        return new InvalidDomainException(ReasonCode.NAME_IP_ADDRESS, text);
    }

    /** The canonical form: lower case, punycode, no trailing dot. */
    public String ascii() {
        return ascii;
    }

    /** The form people read: internationalized labels shown in their own script. */
    public String unicode() {
        return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
    }

    /** The absolute DNS name ({@code example.com.}). */
    public Name toDnsName() {
        return absolute(ascii);
    }

    /** The absolute DNS name of {@code prefixLabel.<this domain>}. */
    public Name child(String prefixLabel) {
        return absolute(prefixLabel + "." + ascii);
    }

    static Name absolute(String asciiName) {
        try {
            return Name.fromString(asciiName + ".");
        } catch (TextParseException e) {
            // Only reachable with names this class already validated, plus a fixed prefix label.
            throw new IllegalStateException("not a valid DNS name: " + asciiName, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName d && d.ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return ascii;
    }
}
