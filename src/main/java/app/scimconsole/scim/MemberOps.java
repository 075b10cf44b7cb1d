package app.scimconsole.scim;

import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group {@code members} operations. Members live in their own table, not in the group document, so each
 * operation becomes {@link MemberChange}s for the directory instead of an edit of the document.
 */
final class MemberOps {

    private MemberOps() {
    }

    static List<MemberChange> changes(Kind kind, AttributeTarget target, JsonNode value) {
        if (target.sub() != null || (target.filter() != null && kind != Kind.REMOVE)) {
            throw new ScimException(ScimProblem.MEMBERS_AS_A_WHOLE);
        }
        List<MemberChange> out = new ArrayList<>();
        if (kind == Kind.REMOVE) {
            if (target.filter() == null) {
                out.add(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of()));
            } else {
                out.add(new MemberChange(MemberChange.Kind.REMOVE, idsSelectedBy(target.filter())));
            }
            return out;
        }
        if (kind == Kind.REPLACE) {
            out.add(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of()));
        }
        List<String> ids = ids(target.attribute(), value);
        if (!ids.isEmpty()) {
            out.add(new MemberChange(MemberChange.Kind.ADD, ids));
        }
        return out;
    }

    /** Ids from {@code [{"value": id, "$ref": ...}, ...]}; {@code $ref}, type and display are ignored. */
    private static List<String> ids(AttributeDef members, JsonNode value) {
        if (JsonFields.isClear(value)) {
            return List.of();
        }
        JsonNode list = EntraDialect.value(members, value);
        if (!list.isArray()) {
            throw new ScimException(ScimProblem.MEMBERS_NOT_A_LIST);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode member : list) {
            JsonNode id = JsonFields.field(member, "value");
            if (id == null || !id.isTextual() || id.textValue().isBlank()) {
                throw new ScimException(ScimProblem.MEMBER_WITHOUT_VALUE);
            }
            ids.add(id.textValue());
        }
        return List.copyOf(ids);
    }

    /** {@code value eq "a" or value eq "b" ...}, in the order written; walked without recursion. */
    private static List<String> idsSelectedBy(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        Deque<Filter> pending = new ArrayDeque<>();
        pending.push(filter);
        while (!pending.isEmpty()) {
            Filter f = pending.pop();
            if (f instanceof Filter.Or or) {
                pending.push(or.right());
                pending.push(or.left());
            } else {
                ids.add(idOf(f));
            }
        }
        return List.copyOf(ids);
    }

    private static String idOf(Filter f) {
        if (f instanceof Compare c && c.op() == CompareOp.EQ && c.path().name().equalsIgnoreCase("value")
                && c.path().sub() == null && c.value() instanceof Literal.Str s && !s.value().isBlank()) {
            return s.value();
        }
        throw new ScimException(ScimProblem.MEMBER_SELECTION, FilterPrinter.print(f));
    }
}
