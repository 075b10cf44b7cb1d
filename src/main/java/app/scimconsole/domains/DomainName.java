package app.scimconsole.domains;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A registrable e-mail domain in its one canonical form: lower case, no trailing dot, internationalized labels
 * in punycode ({@code xn--}). Two spellings of the same domain ("Bücher.Example." and "xn--bcher-kva.example")
 * give equal instances, so this is the key used everywhere a domain is stored or compared.
 *
 * <p>Internationalized names are processed as IDNA2008 with UTS #46 non-transitional processing, as browsers and
 * registries do (ICU's implementation): "straße.com" is {@code xn--strae-oqa.com}, a domain of its own, not
 * "strasse.com" (IDNA2003, which {@code java.net.IDN} implements, maps ß, ς and the joiners away, so the owner of
 * one domain could have proven another's).
 */
public final class DomainName {
    private static final int MAX_LABEL = 63;
    private static final int MAX_TOTAL = 253;
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO);
    /**
     * When a label breaks several rules, the reason names the first of these: the plainest mistake first. Each
     * error ICU reports is one of them (the whole name's length is checked here, not by ICU).
     */
    private static final List<Set<IDNA.Error>> ERROR_ORDER = List.of(
            Set.of(IDNA.Error.EMPTY_LABEL),
            Set.of(IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG),
            Set.of(IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN),
            Set.of(IDNA.Error.DISALLOWED, IDNA.Error.LABEL_HAS_DOT),
            Set.of(IDNA.Error.PUNYCODE, IDNA.Error.INVALID_ACE_LABEL),
            Set.of(IDNA.Error.HYPHEN_3_4),
            Set.of(IDNA.Error.LEADING_COMBINING_MARK),
            Set.of(IDNA.Error.CONTEXTJ),
            Set.of(IDNA.Error.CONTEXTO_PUNCTUATION, IDNA.Error.CONTEXTO_DIGITS),
            Set.of(IDNA.Error.BIDI));
    // UTS #46 maps these to "." too; we split ourselves so each label can be judged alone.
    private static final Pattern DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]", Pattern.UNICODE_CASE);
    private static final Pattern LDH = Pattern.compile("[a-z0-9-]+");
    private static final Pattern IPV4ISH = Pattern.compile("[0-9.]+");
    private static final Pattern STORED = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

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
        checkWhole(ascii, input.strip());
        return new DomainName(ascii);
    }

    /**
     * A name as stored, or as the service sent it: already canonical, so taken as it is. It was checked when it was
     * registered, perhaps under an earlier version's rules, and must stay readable and removable.
     */
    public static DomainName canonical(String ascii) {
        if (ascii == null || !STORED.matcher(ascii).matches()) {
            throw new IllegalArgumentException("not a canonical domain name: " + ascii);
        }
        return new DomainName(ascii);
    }

    /**
     * A name to look up among registrations: parsed as {@link #parse} does, except that a canonical name which
     * today's rules refuse (registered under an earlier version's) is taken as it is, so that it can still be
     * checked or removed.
     */
    public static DomainName lookup(String input) {
        try {
            return parse(input);
        } catch (InvalidDomainException e) {
            if (input != null && STORED.matcher(input.strip()).matches()) {
                return new DomainName(input.strip());
            }
            throw e;
        }
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
            throw new InvalidDomainException(ReasonCode.NAME_HYPHEN_AT_END, label);
        }
        if (label.codePoints().anyMatch(DomainName::invisible)) {
            throw badCharacters(label);
        }
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.labelToASCII(label, new StringBuilder(), info).toString();
        if (info.hasErrors()) {
            throw refusal(info.getErrors(), label, whole);
        }
        if (ascii.length() > MAX_LABEL) {
            throw tooLongLabel(label);
        }
        if (!LDH.matcher(ascii).matches()) {
            throw badCharacters(label);
        }
        return ascii;
    }

    /**
     * UTS #46 maps invisible characters such as the soft hyphen to nothing, which suits looking a name up but not
     * registering one: what the owner registers must be what they see. The joiners are left to the CONTEXTJ rule,
     * which allows them where a script needs them.
     */
    private static boolean invisible(int codePoint) {
        return codePoint != 0x200C && codePoint != 0x200D
                && UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /** The reason for the first of ICU's errors in {@link #ERROR_ORDER}; ICU's own words are never shown. */
    private static InvalidDomainException refusal(Set<IDNA.Error> errors, String label, String whole) {
        IDNA.Error first = ERROR_ORDER.stream().flatMap(kind -> errors.stream().filter(kind::contains)).findFirst()
                .orElse(IDNA.Error.DISALLOWED);
        return switch (first) {
            case EMPTY_LABEL -> new InvalidDomainException(ReasonCode.NAME_EMPTY_PART, whole);
            case LABEL_TOO_LONG, DOMAIN_NAME_TOO_LONG -> tooLongLabel(label);
            case LEADING_HYPHEN, TRAILING_HYPHEN -> new InvalidDomainException(ReasonCode.NAME_HYPHEN_AT_END, label);
            case PUNYCODE, INVALID_ACE_LABEL -> new InvalidDomainException(ReasonCode.NAME_BAD_PUNYCODE, label);
            case HYPHEN_3_4 -> new InvalidDomainException(ReasonCode.NAME_HYPHENS_3_4, label);
            case LEADING_COMBINING_MARK -> new InvalidDomainException(ReasonCode.NAME_STARTS_WITH_MARK, label);
            case CONTEXTJ -> new InvalidDomainException(ReasonCode.NAME_JOINER, label);
            case CONTEXTO_PUNCTUATION, CONTEXTO_DIGITS -> new InvalidDomainException(ReasonCode.NAME_CONTEXT, label);
            case BIDI -> new InvalidDomainException(ReasonCode.NAME_BIDI, label);
            default -> badCharacters(label);
        };
    }

    /**
     * The rules that concern the whole name: with one right-to-left label, the Bidi rule applies to every label
     * (RFC 5893 §2), which no label alone can tell.
     */
    private static void checkWhole(String ascii, String whole) {
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(ascii, new StringBuilder(), info);
        if (info.getErrors().contains(IDNA.Error.BIDI)) {
            throw new InvalidDomainException(ReasonCode.NAME_BIDI, whole);
        }
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
        IDNA.Info info = new IDNA.Info();
        String unicode = UTS46.nameToUnicode(ascii, new StringBuilder(), info).toString();
        // A name registered under an earlier version's rules may not turn back; its ASCII form is still itself.
        return info.hasErrors() && unicode.indexOf('\uFFFD') >= 0 ? ascii : unicode;
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
