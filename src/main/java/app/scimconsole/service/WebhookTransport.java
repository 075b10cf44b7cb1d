package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import java.time.Duration;

/**
 * Posts one signed delivery, {@code Content-Type: application/json}, with the signature in {@value
 * WebhookSignature#HEADER}; never follows a redirect and connects only to addresses the {@link WebhookAddress} policy
 * permits, checked at connect time. The HTTP client itself lives with the HTTP code.
 */
public interface WebhookTransport extends AutoCloseable {
    /** The longest a delivery may take, connecting included. */
    Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /** A delivery's outcome: acknowledged (2xx), or why not ({@link WebhookFailure}; never the body or the secret). */
    record Outcome(boolean acknowledged, Reason failure) {
        public static final Outcome ACKNOWLEDGED = new Outcome(true, null);

        public static Outcome failed(String code, Object... args) {
            return new Outcome(false, Reason.of(code, args));
        }
    }

    Outcome post(String url, String signature, byte[] body);

    @Override
    void close();
}
