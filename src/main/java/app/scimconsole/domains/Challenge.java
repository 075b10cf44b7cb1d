package app.scimconsole.domains;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;

/**
 * The TXT record an organization publishes to prove it controls a domain: name
 * {@code _scim-console-challenge.<domain>}, value {@code scim-console-verification=<token>}. The prefix label
 * keeps the record away from the crowded apex, and the self-describing value makes a misplaced copy easy to spot.
 */
public record Challenge(DomainName domain, String token) {
    public static final String RECORD_LABEL = "_scim-console-challenge";
    public static final String VALUE_PREFIX = "scim-console-verification=";
    public static final String RECORD_TYPE = "TXT";

    private static final int TOKEN_BYTES = 32;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern TOKEN = Pattern.compile("[a-z2-7]{52}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Challenge {
        Objects.requireNonNull(domain, "domain");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a challenge token is 52 lowercase base32 characters");
        }
    }

    /** A new challenge with a fresh 256-bit token. */
    public static Challenge issue(DomainName domain) {
        return new Challenge(domain, newToken(RANDOM));
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return base32(bytes);
    }

    // Lowercase base32 without padding: 52 characters fit in one TXT string, and there is no '+', '/' or '='
    // for a DNS panel to mangle.
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The record's name without the trailing dot, as people type it: {@code _scim-console-challenge.example.com}. */
    public String recordName() {
        return RECORD_LABEL + "." + domain.ascii();
    }

    /** The host part to enter at DNS providers that append the domain themselves. */
    public String recordHostLabel() {
        return RECORD_LABEL;
    }

    public String recordValue() {
        return VALUE_PREFIX + token;
    }

    /** The record's absolute DNS name. */
    public Name dnsName() {
        return domain.child(RECORD_LABEL);
    }

    /** The exact bytes a published value must have. */
    byte[] expectedBytes() {
        return recordValue().getBytes(StandardCharsets.US_ASCII);
    }
}
