package app.scimconsole.service;

import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.InvalidDomainException;
import app.scimconsole.scim.BoundedCache;
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
    static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*"
            + "|\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"", Pattern.UNICODE_CHARACTER_CLASS);

    /** The characters besides letters and digits that an ASCII dot-atom may hold (RFC 5322 atext). */
    private static final String ATEXT_SIGNS = "!#$%&'*+/=?^_`{|}~-";
    /**
     * Domains as {@link DomainName#parse} read them, kept because nearly every address of a tenant is in one of a
     * few domains, each read with IDNA and several patterns (issue 21: a create's request thread). Only names that
     * parsed are kept, and at most {@value #KEPT_DOMAINS}: past that the map starts again.
     */
    private static final int KEPT_DOMAINS = 1000;
    private static final BoundedCache<String, DomainName> DOMAINS = new BoundedCache<>(KEPT_DOMAINS, DomainName::parse);

    /** The address {@code text} is, or empty when it is none. */
    static Optional<EmailAddress> parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String local = text.substring(0, at);
        if (!isAsciiDotAtom(local) && !LOCAL_PART.matcher(local).matches()) {
            return Optional.empty();
        }
        String domain = text.substring(at + 1);
        if (domain.isEmpty() || !domain.strip().equals(domain)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(local, DOMAINS.get(domain)));
        } catch (InvalidDomainException notADomain) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code local} is a dot-atom of ASCII letters, digits and atext signs, which {@link #LOCAL_PART} would
     * match too, told without the pattern; false leaves the judgment to the pattern (non-ASCII, a quoted string).
     */
    static boolean isAsciiDotAtom(String local) {
        if (local.isEmpty() || local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean atext = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ATEXT_SIGNS.indexOf(c) >= 0;
            if (!atext && (c != '.' || local.charAt(i - 1) == '.')) {
                return false;
            }
        }
        return true;
    }
}
