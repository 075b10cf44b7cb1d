package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.WebhookStore;
import app.scimconsole.directory.WebhookStore.Endpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The owner's webhook endpoints: added with the event types they want and a signing secret shown once, listed with
 * their health, removed. Deliveries are {@link WebhookDelivery}'s.
 */
public final class Webhooks {
    /** args: the type as given, the known types. */
    static final String UNKNOWN_TYPE = "admin.webhook.unknownEventType";
    /** args: the endpoint's id. */
    static final String UNKNOWN_ENDPOINT = "admin.webhook.unknown";
    private static final int MAX_URL = 2000;

    /** Deliveries succeed; retrying (failed for less than three days); failing (longer, probed every six hours). */
    public enum State { HEALTHY, RETRYING, FAILING }

    private final WebhookStore store;
    private final WebhookAddress policy;
    private final Clock clock;

    public Webhooks(WebhookStore store, WebhookAddress policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new endpoint's id and its signing secret, shown only now. */
    public record Added(String id, String secret) {
        @Override
        public String toString() {
            return "Added[id=" + id + ", secret=(hidden)]";
        }
    }

    /** An endpoint as the owner sees it: never its secret. */
    public record Health(String id, String url, List<String> eventTypes, Instant created, Instant lastSuccess,
            Instant failingSince, State state, long backlog, String lastError, Instant nextAttempt) {
    }

    /**
     * Adds an endpoint at {@code url} for the given event types (null or empty: every type) that receives the events
     * committed from now on. Refused ({@link WebhookInputException}) for an address the policy does not accept or a
     * type that is none.
     */
    public Added add(String tenantId, String url, List<String> eventTypes) {
        String address = url == null ? "" : url.strip();
        Reason refused = address.length() > MAX_URL ? Reason.of(WebhookAddress.INVALID, address.substring(0, 80) + "…")
                : policy.refusal(address);
        if (refused != null) {
            throw new WebhookInputException(refused, "The webhook URL " + refused.args().get(0) + " is not accepted: "
                    + switch (refused.code()) {
                        case WebhookAddress.NOT_HTTPS -> "it must start with https://.";
                        case WebhookAddress.PRIVATE -> "it leads to " + refused.args().get(1)
                                + ", a private, loopback or link-local address; deliveries go to public addresses only.";
                        default -> "it is not an absolute https:// address.";
                    });
        }
        List<String> types = types(eventTypes);
        String secret = "whsec_" + SecretTokens.generate();
        Endpoint added = store.add(tenantId, address, types, secret);
        return new Added(added.id(), secret);
    }

    public List<Health> list(String tenantId) {
        Instant now = clock.instant();
        List<Health> out = new ArrayList<>();
        for (Endpoint e : store.endpoints(tenantId)) {
            State state = e.failingSince() == null ? State.HEALTHY
                    : WebhookBackoff.failing(e.failingSince(), now) ? State.FAILING : State.RETRYING;
            out.add(new Health(e.id(), e.url(), e.eventTypes(), e.created(), e.lastSuccess(), e.failingSince(), state,
                    store.backlog(e), e.lastError(), e.nextAttempt()));
        }
        return out;
    }

    /** Removes the endpoint; deliveries to it stop (one in flight ends first). False: the tenant has none of that id. */
    public boolean remove(String tenantId, String id) {
        return id != null && store.remove(tenantId, id);
    }

    private static List<String> types(List<String> asked) {
        List<String> out = new ArrayList<>();
        for (String t : asked == null ? List.<String>of() : asked) {
            String type = t.strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty() || out.contains(type)) {
                continue;
            }
            if (!DirectoryEvents.TYPES.contains(type)) {
                String shown = type.length() > 40 ? type.substring(0, 40) + "…" : type;
                throw new WebhookInputException(Reason.of(UNKNOWN_TYPE, shown, String.join(", ", DirectoryEvents.TYPES)),
                        "\"" + shown + "\" is not an event type; the types are " + String.join(", ",
                                DirectoryEvents.TYPES) + ".");
            }
            out.add(type);
        }
        return out;
    }
}
