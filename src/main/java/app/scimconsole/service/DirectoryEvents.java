package app.scimconsole.service;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The directory events a committed write raises, made from the resource as read and as written, and stored by the
 * directory in the write's own transaction. One event per write for a user or a group's own attributes (none when
 * they did not change), one per member who joined or left a group. A user whose {@code active} turned false is
 * {@value #USER_SUSPENDED}, turned true {@value #USER_REACTIVATED} (with any other attribute the same write changed
 * in its {@code previous}); every other change of a user is {@value #USER_UPDATED}.
 */
final class DirectoryEvents {
    static final String USER_CREATED = "user.created";
    static final String USER_UPDATED = "user.updated";
    static final String USER_SUSPENDED = "user.suspended";
    static final String USER_REACTIVATED = "user.reactivated";
    static final String USER_DELETED = "user.deleted";
    static final String GROUP_CREATED = "group.created";
    static final String GROUP_UPDATED = "group.updated";
    static final String GROUP_DELETED = "group.deleted";
    static final String GROUP_MEMBER_ADDED = "group.member_added";
    static final String GROUP_MEMBER_REMOVED = "group.member_removed";
    /** Every type, in the order the README lists them. */
    static final List<String> TYPES = List.of(USER_CREATED, USER_UPDATED, USER_SUSPENDED, USER_REACTIVATED,
            USER_DELETED, GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED, GROUP_MEMBER_ADDED, GROUP_MEMBER_REMOVED);
    /**
     * Stored resources name each other relative to the tenant URL ({@code /Users/<id>}): the feed makes them absolute
     * with the service's public URL when it is read, so an event written before the URL changed still points right.
     */
    private static final ResourceRenderer RELATIVE = new ResourceRenderer("");
    /** Never in an event: a secret, whatever Entra sends. */
    private static final String SECRET = "password";
    /** Not told as changed: a secret, and the schemas, which change only with what they name. */
    private static final Set<String> NOT_TOLD = Set.of(SECRET, "schemas");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DirectoryEvents() {
    }

    /** A new resource, and a new group's first members. */
    static List<Event> created(String tenantId, StoredResource r) {
        List<Event> events = new ArrayList<>();
        boolean user = r.type() == ResourceType.USER;
        events.add(event(tenantId, user ? USER_CREATED : GROUP_CREATED, r, NODES.objectNode(), null));
        r.members().forEach(m -> events.add(event(tenantId, GROUP_MEMBER_ADDED, r, NODES.objectNode(), m.value())));
        return events;
    }

    /** An update: its attributes' change, if any, then each membership it really changed. */
    static List<Event> changed(String tenantId, StoredResource before, StoredResource after,
            Directory.MemberDiff members) {
        List<Event> events = new ArrayList<>();
        ObjectNode previous = previous(before.doc(), after.doc());
        if (!previous.isEmpty()) {
            events.add(event(tenantId, updateType(before, after), after, previous, null));
        }
        members.added().forEach(id ->
                events.add(event(tenantId, GROUP_MEMBER_ADDED, after, NODES.objectNode(), id)));
        members.removed().forEach(id ->
                events.add(event(tenantId, GROUP_MEMBER_REMOVED, after, NODES.objectNode(), id)));
        return events;
    }

    /** A deleted resource, as it was; the memberships that went with it raise no events of their own. */
    static List<Event> deleted(String tenantId, StoredResource gone) {
        boolean user = gone.type() == ResourceType.USER;
        return List.of(event(tenantId, user ? USER_DELETED : GROUP_DELETED, gone, NODES.objectNode(), null));
    }

    private static String updateType(StoredResource before, StoredResource after) {
        if (after.type() == ResourceType.GROUP) {
            return GROUP_UPDATED;
        }
        boolean was = active(before.doc());
        boolean is = active(after.doc());
        return was == is ? USER_UPDATED : is ? USER_REACTIVATED : USER_SUSPENDED;
    }

    /** SCIM: a user without {@code active} is active. */
    private static boolean active(ObjectNode doc) {
        JsonNode a = doc.get("active");
        return a == null || a.isNull() || a.asBoolean(true);
    }

    /** The old value of each top-level attribute (an extension as a whole) that changed; null: it had none. */
    static ObjectNode previous(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        names.removeAll(NOT_TOLD);
        ObjectNode previous = NODES.objectNode();
        for (String name : names) {
            JsonNode old = before.get(name);
            if (!Objects.equals(absentIfNull(old), absentIfNull(after.get(name)))) {
                previous.set(name, old == null ? NODES.nullNode() : old.deepCopy());
            }
        }
        return previous;
    }

    private static JsonNode absentIfNull(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static Event event(String tenantId, String type, StoredResource r, ObjectNode previous, String memberId) {
        ObjectNode resource = RELATIVE.render(r, false);
        resource.remove(SECRET);
        return new Event(0, tenantId, null, type, r.type().resourceName(), r.id(), resource, previous, memberId);
    }
}
