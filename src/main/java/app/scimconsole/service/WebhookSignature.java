package app.scimconsole.service;

import app.scimconsole.directory.WebhookStore.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the
 * endpoint's secret (its text's UTF-8 bytes as the key). The time inside the signed text lets a receiver refuse an old
 * delivery replayed to it. While a rotated secret overlaps the new one, one {@code v1} per secret, the new one first
 * (as Stripe does): a receiver accepts the delivery when any {@code v1} matches its secret.
 */
public final class WebhookSignature {
    public static final String HEADER = "Scim-Console-Signature";

    private WebhookSignature() {
    }

    /** One {@code v1} for each of {@code secrets}, in their order. */
    public static String header(List<String> secrets, long unixSeconds, byte[] body) {
        StringBuilder out = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            out.append(",v1=").append(hmac(secret, unixSeconds, body));
        }
        return out.toString();
    }

    /** The secrets a delivery at {@code at} is signed with: the endpoint's, then the replaced one while it overlaps. */
    static List<String> signingSecrets(Endpoint endpoint, Instant at) {
        return endpoint.previousSecret() != null && endpoint.previousSecretUntil() != null
                && at.isBefore(endpoint.previousSecretUntil())
                ? List.of(endpoint.secret(), endpoint.previousSecret()) : List.of(endpoint.secret());
    }

    /** The hex HMAC-SHA256 of {@code "<t>.<body>"}. */
    public static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
