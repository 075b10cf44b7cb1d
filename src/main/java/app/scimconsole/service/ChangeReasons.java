package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.MemberDiff;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The reason an activity entry gives for a successful write: what changed, as a code and its arguments. A user
 * accepted without any e-mail address gets the {@value #NO_SIGN_IN} variant of its code, because the owner must
 * know that such a user cannot sign in.
 */
final class ChangeReasons {
    static final String CREATED = "activity.created";
    static final String REPLACED = "activity.replaced";
    static final String DELETED = "activity.deleted";
    /** A write request that found nothing to change: its history says so. */
    static final String UNCHANGED = "activity.unchanged";
    /** args: the changed attributes, comma-separated */
    static final String CHANGED = "activity.changed";
    static final String SUSPENDED = "activity.suspended";
    static final String REACTIVATED = "activity.reactivated";
    /** args: members added, members removed */
    static final String MEMBERS_CHANGED = "activity.membersChanged";
    /**
     * args: the number of members the group has now been given. No longer given (a replace of the members is told
     * as who joined and who left); entries written before still carry it, so its text stays.
     */
    static final String MEMBERS_REPLACED = "activity.membersReplaced";
    static final String NO_SIGN_IN = ".noSignIn";

    private ChangeReasons() {
    }

    static Reason created(ResourceType type, ObjectNode doc) {
        return Reason.of(CREATED + signInNote(type, doc));
    }

    static Reason replaced(ResourceType type, ObjectNode doc) {
        return Reason.of(REPLACED + signInNote(type, doc));
    }

    /** A PATCH: the membership it changed, else the attributes it changed (a suspension said as such). */
    static Reason patched(ResourceType type, ObjectNode before, ObjectNode after, MemberDiff members) {
        if (!members.isEmpty()) {
            return Reason.of(MEMBERS_CHANGED, members.added().size(), members.removed().size());
        }
        List<String> changed = changedAttributes(before, after);
        String note = signInNote(type, after);
        if (changed.equals(List.of("active"))) {
            return Reason.of((isActive(after) ? REACTIVATED : SUSPENDED) + note);
        }
        return Reason.of(CHANGED + note, String.join(", ", changed));
    }

    /** Top-level attributes whose value differs, and the enterprise extension's by their own names. */
    static List<String> changedAttributes(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>();
        fieldNames(before, names);
        fieldNames(after, names);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (name.equals("schemas") || Objects.equals(before.get(name), after.get(name))) {
                continue;
            }
            if (name.equals(Schemas.ENTERPRISE_URN)) {
                changed.addAll(changedAttributes(objectOrEmpty(before.get(name)), objectOrEmpty(after.get(name))));
            } else {
                changed.add(name);
            }
        }
        return changed;
    }

    private static void fieldNames(ObjectNode node, Set<String> into) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            into.add(it.next());
        }
    }

    private static ObjectNode objectOrEmpty(JsonNode n) {
        return n instanceof ObjectNode o ? o : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static boolean isActive(ObjectNode user) {
        JsonNode v = user.get("active");
        return v == null || !(v.isBoolean() && !v.booleanValue());
    }

    /** A user with no e-mail address at all is accepted, and its entry says it cannot sign in. */
    private static String signInNote(ResourceType type, ObjectNode doc) {
        return type == ResourceType.USER && DomainPolicy.identityDomains(doc).isEmpty() ? NO_SIGN_IN : "";
    }

    /** The name the activity log shows: userName of a user, displayName of a group. */
    static String label(ResourceType type, ObjectNode doc) {
        JsonNode v = doc.get(type == ResourceType.USER ? "userName" : "displayName");
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
