package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.WebhookStore;
import app.scimconsole.directory.WebhookStore.Endpoint;
import app.scimconsole.directory.WebhookStore.EventBounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The owner's webhook endpoints: added with the event types they want and a signing secret shown once, listed with
 * their health, removed. Deliveries are {@link WebhookDelivery}'s.
 */
public final class Webhooks {
    /** args: the type as given, the known types. */
    static final String UNKNOWN_TYPE = "admin.webhook.unknownEventType";
    /** args: the endpoint's id. */
    static final String UNKNOWN_ENDPOINT = "admin.webhook.unknown";
    /** args: the cursor as given. */
    static final String CURSOR_INVALID = "admin.webhook.cursorInvalid";
    /** args: the cursor as given, the newest event's id. */
    static final String CURSOR_BEYOND_NEWEST = "admin.webhook.cursorBeyondNewest";
    /** How long a rotated secret keeps signing beside the new one, so that receivers can switch without a gap. */
    public static final Duration SECRET_OVERLAP = Duration.ofHours(24);
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

    /**
     * Where an endpoint's deliveries go on from after a replay: after the event {@code after}; the oldest event kept
     * now ({@code oldestKept}, 0: none); {@code eventsLost}: events after the cursor were purged already, so the
     * deliveries start at the oldest one kept; {@code backlog}: the events now waiting for it.
     */
    public record Replayed(String id, long after, long oldestKept, boolean eventsLost, long backlog) {
    }

    /** An endpoint's new secret, shown only now; the replaced one signs too until {@code previousValidUntil}. */
    public record Rotated(String id, String secret, Instant previousValidUntil) {
        @Override
        public String toString() {
            return "Rotated[id=" + id + ", secret=(hidden), previousValidUntil=" + previousValidUntil + "]";
        }
    }

    /** An endpoint as the owner sees it: never its secret. */
    public record Health(String id, String url, List<String> eventTypes, Instant created, Instant lastSuccess,
            Instant failingSince, State state, long backlog, Reason lastError, Instant nextAttempt) {
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
        String secret = newSecret();
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
                    store.backlog(e), WebhookFailure.decode(e.lastError()), e.nextAttempt()));
        }
        return out;
    }

    /** Removes the endpoint; deliveries to it stop (one in flight ends first). False: the tenant has none of that id. */
    public boolean remove(String tenantId, String id) {
        return id != null && store.remove(tenantId, id);
    }

    /**
     * Sets the endpoint's cursor to the event id {@code after} (a cursor of the pull feed): its next deliveries are the
     * events after it, of the types it wants, in order — back to send events again, or forward to skip them. A
     * delivery in flight meanwhile does not move the cursor after this (its event may still arrive once more). Refused
     * ({@link WebhookInputException}) for a text that is no cursor or a cursor beyond the newest event; one older than
     * the oldest event kept starts from the oldest kept, and says so. Empty when the tenant has no such endpoint.
     */
    public Optional<Replayed> replay(String tenantId, String id, String after) {
        String cursor = after == null ? "" : after.strip();
        if (!EventFeed.isCursor(cursor)) {
            String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
            throw new WebhookInputException(Reason.of(CURSOR_INVALID, shown), "\"" + shown + "\" is not a cursor: give"
                    + " an event's id (0 for the oldest event kept).");
        }
        long position = Long.parseLong(cursor);
        EventBounds bounds = store.eventBounds(tenantId);
        if (position > bounds.newest()) {
            throw new WebhookInputException(Reason.of(CURSOR_BEYOND_NEWEST, cursor, Long.toString(bounds.newest())),
                    "There is no event " + cursor + " yet: the newest is " + bounds.newest() + ".");
        }
        if (id == null || !store.moveCursor(tenantId, id, position)) {
            return Optional.empty();
        }
        boolean lost = bounds.oldestKept() == 0 ? position < bounds.newest() : position < bounds.oldestKept() - 1;
        long backlog = store.endpoints(tenantId).stream().filter(e -> e.id().equals(id)).mapToLong(store::backlog)
                .sum();
        return Optional.of(new Replayed(id, position, bounds.oldestKept(), lost, backlog));
    }

    /**
     * Gives the endpoint a new signing secret, shown only now. For {@link #SECRET_OVERLAP} every delivery is signed
     * with both the new and the replaced one, so a receiver can switch without refusing any; then with the new one
     * only. A second rotation within the overlap ends the first one's: the secret before it no longer signs. Empty
     * when the tenant has no such endpoint.
     */
    public Optional<Rotated> rotateSecret(String tenantId, String id) {
        String secret = newSecret();
        Instant until = clock.instant().plus(SECRET_OVERLAP);
        return id != null && store.rotateSecret(tenantId, id, secret, until)
                ? Optional.of(new Rotated(id, secret, until)) : Optional.empty();
    }

    private static String newSecret() {
        return "whsec_" + SecretTokens.generate();
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
