package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.Event;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The pull feed of a tenant's directory events: a page of events after a cursor, oldest first, and the cursor to
 * ask with next. A cursor is an event's id as text (the feed's {@code next}, or any event's {@code id}); without
 * one the feed starts at the oldest event kept. Ids only grow and an event never becomes visible after one with a
 * larger id ({@link Directory#events}), so a consumer that always asks after the last cursor it got sees every
 * event once, in order, while events are kept (the attribute history's retention period).
 */
public final class EventFeed {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** No args: the request did not present a reader credential of the tenant. */
    public static final String CREDENTIAL_REFUSED = "events.credential.refused";
    /** args: the cursor as given. */
    public static final String CURSOR_INVALID = "events.cursor.invalid";
    /** args: the limit as given, the least, the most. */
    public static final String LIMIT_INVALID = "events.limit.invalid";
    /** A cursor is an id: at most 18 digits keeps it a long. */
    private static final int MAX_CURSOR_DIGITS = 18;

    private final Directory directory;
    private final TenantUrls tenantUrls;
    private final EventReaders readers;

    /** {@code tenantUrls}: the tenant URL that the resources' relative locations are resolved against. */
    public EventFeed(Directory directory, TenantUrls tenantUrls) {
        this(directory, tenantUrls, java.time.Clock.systemUTC());
    }

    /** As above, the readers' uses timed by {@code clock}. */
    public EventFeed(Directory directory, TenantUrls tenantUrls, java.time.Clock clock) {
        this.directory = directory;
        this.tenantUrls = tenantUrls;
        this.readers = new EventReaders(directory, clock);
    }

    /** One page: its events and the cursor to ask after next (the same cursor when there was nothing new). */
    public record Page(List<FeedEvent> events, String next) {
    }

    /** An event as the feed tells it; {@code member} only in a membership's event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedEvent(String id, String type, String time, String resourceType, String resourceId,
            ObjectNode resource, ObjectNode previous, Member member) {
    }

    /** The user who joined or left the group, as SCIM names a member. */
    public record Member(String value, String type, @JsonProperty("$ref") String ref) {
    }

    /**
     * The page after {@code after} (null: from the start) of at most {@code limit} events (null: {@value
     * #DEFAULT_LIMIT}), for a request that presents {@code credential}. Refused with 401 unless it is a reader
     * credential of the tenant; with 400 for a cursor or limit that is not one.
     */
    public Page read(String tenantId, String credential, String after, String limit) {
        if (!readers.admit(tenantId, credential)) {
            throw new EventsRefusal(401, "The reader credential is missing or not valid for this tenant's events.",
                    Reason.of(CREDENTIAL_REFUSED));
        }
        long cursor = cursor(after);
        int n = limit(limit);
        List<Event> events = directory.events(tenantId, cursor, n);
        String tenantUrl = tenantUrls.of(tenantId);
        List<FeedEvent> told = events.stream().map(e -> told(e, tenantUrl)).toList();
        return new Page(told, events.isEmpty() ? Long.toString(cursor) : told.get(told.size() - 1).id());
    }

    /** Whether {@code text} is a cursor: an event's id, digits only. */
    static boolean isCursor(String text) {
        return !text.isEmpty() && text.length() <= MAX_CURSOR_DIGITS
                && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!isCursor(after)) {
            throw new EventsRefusal(400, "'after' must be a cursor this feed gave (an event's id or a page's 'next');"
                    + " leave it out to start at the oldest event kept.", Reason.of(CURSOR_INVALID, shown(after)));
        }
        return Long.parseLong(after);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = limit.length() > 9 ? -1 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw new EventsRefusal(400, "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".",
                    Reason.of(LIMIT_INVALID, shown(limit), 1, MAX_LIMIT));
        }
        return n;
    }

    /** What a client sent, echoed back: enough to recognise, never a payload. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The event as told to a reader or a webhook, its resources located under {@code tenantUrl}. */
    static FeedEvent told(Event e, String tenantUrl) {
        ObjectNode resource = e.resource().deepCopy();
        absolute(resource, tenantUrl);
        return new FeedEvent(Long.toString(e.id()), e.type(), ResourceRenderer.time(e.time()), e.resourceType(),
                e.resourceId(), resource, e.previous(), e.memberId() == null ? null
                        : new Member(e.memberId(), "User", tenantUrl + ResourceType.USER.endpoint() + "/" + e.memberId()));
    }

    /** The stored resource names resources relative to the tenant URL ({@link DirectoryEvents}); made absolute. */
    private static void absolute(JsonNode node, String tenantUrl) {
        if (node instanceof ObjectNode o) {
            for (String field : List.of("location", "$ref")) {
                JsonNode v = o.get(field);
                if (v != null && v.isTextual() && v.textValue().startsWith("/")) {
                    o.put(field, tenantUrl + v.textValue());
                }
            }
        }
        node.forEach(child -> absolute(child, tenantUrl));
    }
}
