package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a delivery failed, as data: one of the codes below and its arguments (the console's and the CLI's bundles make
 * the sentences). Kept with the endpoint as a small JSON object; a failure recorded as text before there were codes
 * reads back as {@link #OTHER} with that text's first line.
 */
public final class WebhookFailure {
    /** The receiver answered 5xx: [status]. */
    public static final String SERVER_ERROR = "webhook.failure.serverError";
    /** The receiver answered 3xx, which is not followed: [status]. */
    public static final String REDIRECT = "webhook.failure.redirect";
    /** The receiver answered with any other status that is not 2xx (4xx mostly): [status]. */
    public static final String REFUSED = "webhook.failure.refused";
    /** The address led to a private, loopback or link-local address, so nothing was sent: [address]. */
    public static final String ADDRESS_REFUSED = "webhook.failure.addressRefused";
    /** No answer within the call's time-out. */
    public static final String TIMEOUT = "webhook.failure.timeout";
    /** The host was not found, or did not accept the connection: [what the network said]. */
    public static final String UNREACHABLE = "webhook.failure.unreachable";
    /** The HTTPS connection failed: the certificate was not accepted, or no common protocol: [what TLS said]. */
    public static final String TLS = "webhook.failure.tls";
    /** Anything else: [what happened]. */
    public static final String OTHER = "webhook.failure.other";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookFailure() {
    }

    /** The code for an answer that is not 2xx. */
    public static String ofStatus(int status) {
        return status >= 500 ? SERVER_ERROR : status >= 300 && status < 400 ? REDIRECT : REFUSED;
    }

    static String encode(Reason failure) {
        if (failure == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode().put("code", failure.code());
        failure.args().forEach(o.putArray("args")::add);
        return o.toString();
    }

    static Reason decode(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("{")) {
            try {
                JsonNode o = JSON.readTree(stored);
                if (o.path("code").isTextual()) {
                    List<String> args = new ArrayList<>();
                    o.path("args").forEach(a -> args.add(a.asText()));
                    return new Reason(o.path("code").asText(), args);
                }
            } catch (JsonProcessingException e) {
                // not one of ours: shown as it was recorded
            }
        }
        return Reason.of(OTHER, stored.lines().findFirst().orElse("").strip());
    }
}
