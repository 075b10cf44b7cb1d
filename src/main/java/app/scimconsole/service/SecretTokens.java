package app.scimconsole.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secret tokens: 256 bits from a CSPRNG, URL-safe text, stored only as their SHA-256 digest. A plain hash
 * (not a slow password hash) is right here: the token has full entropy, so it cannot be guessed from the
 * digest, and every SCIM request must check it quickly.
 */
public final class SecretTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Never used itself, only cloned ({@link #sha256}): a digest keeps state while it hashes. */
    private static final MessageDigest SHA256 = newSha256();
    /** A digest no token has (finding a token with this SHA-256 digest is finding a preimage of zero). */
    private static final byte[] NO_DIGEST = new byte[32];
    @SuppressWarnings("unused")
    private static boolean noneMatched;

    private SecretTokens() {
    }

    public static String generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static byte[] hash(String token) {
        return sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fresh SHA-256 digest, cloned from one made once: every SCIM request hashes its token, and looking the
     * algorithm up among the security providers each time cost more than the hashing (issue 21).
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares two digests in time independent of where they differ. */
    public static boolean matches(byte[] presentedHash, byte[] storedHash) {
        return MessageDigest.isEqual(presentedHash, storedHash);
    }

    /**
     * Compares {@code presentedHash} with a digest no token has, as {@link #matches} would with a stored one: where
     * there is nothing to compare with (an unknown client or tenant), the same work is done as where there is, so
     * that timing does not tell the two apart.
     */
    public static void matchesNone(byte[] presentedHash) {
        noneMatched = MessageDigest.isEqual(presentedHash, NO_DIGEST); // kept, so the compiler cannot drop the work
    }
}
