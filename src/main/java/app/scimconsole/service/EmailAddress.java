package app.scimconsole.service;

import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.InvalidDomainException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as a sign-in identity: a local part, one "@", and a domain that is a domain name under the
 * rules the owner registers domains by. Text with an "@" that is not such an address ("x@evil.com@", "@x",
 * "a@b@c.com") names no domain for certain, so the domain rule could not judge it: it is no identity at all.
 */
record EmailAddress(String localPart, DomainName domain) {
    /**
     * RFC 5322 dot-atom, with any non-ASCII character allowed as RFC 6531 does, or a quoted string (RFC 5321),
     * the one form in which a local part may contain "@".
     */
    private static final String ATOM = "[\\p{Alnum}!#$%&'*+/=?^_`{|}~\\-\\P{ASCII}&&[^\\p{Space}\\p{Cntrl}]]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*"
            + "|\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"", Pattern.UNICODE_CHARACTER_CLASS);

    /** The address {@code text} is, or empty when it is none. */
    static Optional<EmailAddress> parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || !LOCAL_PART.matcher(text.substring(0, at)).matches()) {
            return Optional.empty();
        }
        String domain = text.substring(at + 1);
        if (domain.isEmpty() || !domain.strip().equals(domain)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(text.substring(0, at), DomainName.parse(domain)));
        } catch (InvalidDomainException notADomain) {
            return Optional.empty();
        }
    }
}
