package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a list query asks for (RFC 7644 §3.4.2): the filter, the sort, the page and the attributes to return, read
 * by one set of rules whether the client sent them in the query string of a GET or in the body of a
 * {@code POST .search} (§3.4.3).
 *
 * @param filter      null for every resource
 * @param sortBy      null for the store's own order; an attribute the type does not have is the store's to refuse
 * @param startIndex  1-based, at least 1
 * @param count       the page size, as {@link ListResponses#pageSize} makes it
 * @param withMembers whether the answer can show a group's members, so the store can skip loading them
 */
public record ListRequest(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
        AttributeProjection projection, boolean withMembers) {

    /**
     * From query parameters, already percent-decoded. Names match in any case (clients write {@code startIndex} and
     * {@code startindex}): the exact spelling first, else the first in the map's order.
     */
    public static ListRequest fromQuery(ResourceType type, Map<String, String> params) {
        UnaryOperator<String> param = name -> param(params, name);
        return parse(type, param, param);
    }

    /**
     * From a {@code POST .search} body. Its members are matched by their exact names; a number may come as a JSON
     * number or a string, and {@code attributes} / {@code excludedAttributes} as an array or a comma-separated string.
     */
    public static ListRequest fromSearchBody(ResourceType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ScimException(ScimProblem.SEARCH_NOT_AN_OBJECT);
        }
        return parse(type, field -> text(body, field), field -> joined(body, field));
    }

    /**
     * Every string of a search body, member names included, by the rules of any body's text ({@link JsonText}): 400
     * {@code invalidSyntax} or {@code invalidValue} naming where. A string filter is the exception: its values are
     * judged once parsed ({@link FilterText}), as a query's are, so that one filter is refused alike from a URL or
     * from a body.
     */
    public static void checkSearchText(JsonNode body) {
        if (body != null && body.isObject()) {
            ObjectNode rest = (ObjectNode) body.deepCopy();
            if (rest.path("filter").isTextual()) {
                rest.remove("filter");
            }
            JsonText.check(rest);
        }
    }

    /** The one set of rules; {@code attributeList} reads the two attribute lists as comma-separated text. */
    private static ListRequest parse(ResourceType type, UnaryOperator<String> text, UnaryOperator<String> attributeList) {
        String filterText = text.apply("filter");
        Filter filter = isBlank(filterText) ? null : FilterParser.parseFilter(filterText);
        String sortBy = text.apply("sortBy");
        AttrPath sort = isBlank(sortBy) ? null : sortPath(sortBy);
        boolean descending = descending(text.apply("sortOrder"));
        int start = Math.max(1, integer("startIndex", text.apply("startIndex"), 1));
        String countText = text.apply("count");
        int count = ListResponses.pageSize(isBlank(countText) ? null : integer("count", countText, 0));
        AttributeProjection projection = AttributeProjection.of(type, attributeList.apply("attributes"),
                attributeList.apply("excludedAttributes"));
        boolean withMembers = type == ResourceType.GROUP && projection.mayReturn("members");
        return new ListRequest(filter, sort, descending, start, count, projection, withMembers);
    }

    private static AttrPath sortPath(String sortBy) {
        try {
            return FilterParser.parseAttrPath(sortBy);
        } catch (ScimException e) {
            throw new ScimException(ScimProblem.SORT_BY_NOT_A_PATH, sortBy);
        }
    }

    /** Ascending unless said otherwise, in any case; anything but the two words is refused. */
    private static boolean descending(String sortOrder) {
        if (isBlank(sortOrder) || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw new ScimException(ScimProblem.SORT_ORDER_INVALID);
    }

    /** A whole number, clamped to the int range (a huge startIndex is simply past the end); blank is the default. */
    private static int integer(String name, String text, int dflt) {
        if (isBlank(text)) {
            return dflt;
        }
        try {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            throw new ScimException(ScimProblem.NOT_AN_INTEGER, name, text);
        }
    }

    private static String param(Map<String, String> params, String name) {
        String exact = params.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getKey().equalsIgnoreCase(name)) {
                return p.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String joined(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isArray()) {
            return text(body, field);
        }
        List<String> names = new ArrayList<>();
        v.forEach(n -> names.add(n.asText()));
        return String.join(",", names);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
