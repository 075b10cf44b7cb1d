package app.scimconsole.directory;

import app.scimconsole.scim.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few facts about a user that lists show: who, which e-mail, title and department, and status. */
public record UserSummary(String id, String userName, String displayName, String title, String department,
        String email, boolean active) {

    public static UserSummary of(Directory.StoredResource user) {
        ObjectNode d = user.doc();
        JsonNode ext = d.path(Schemas.ENTERPRISE_URN);
        return new UserSummary(user.id(), text(d, "userName"), text(d, "displayName"), text(d, "title"),
                text(ext, "department"), email(d), d.path("active").asBoolean(true));
    }

    /** Primary e-mail, else work, else the first one. */
    static String email(JsonNode user) {
        String work = null;
        String first = null;
        for (JsonNode e : user.path("emails")) {
            String v = text(e, "value");
            if (v == null) {
                continue;
            }
            if (e.path("primary").asBoolean(false)) {
                return v;
            }
            if (work == null && "work".equalsIgnoreCase(e.path("type").asText(""))) {
                work = v;
            }
            if (first == null) {
                first = v;
            }
        }
        return work != null ? work : first;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
