package app.scimconsole.console.users;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Users table's sortable columns: the attribute the service sorts by (a SCIM path) and the key of the column's
 * header text, so that the view can name a column the way its header does.
 */
public enum SortColumn {
    NAME("displayName", "users.col.name"),
    USER_NAME("userName", "users.col.userName"),
    EMAIL("emails.value", "users.col.email"),
    TITLE("title", "users.col.title"),
    DEPARTMENT("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "users.col.department"),
    STATUS("active", "users.col.status"),
    LAST_CHANGE("meta.lastModified", "users.col.lastChange");

    private final String attribute;
    private final String textKey;

    SortColumn(String attribute, String textKey) {
        this.attribute = attribute;
        this.textKey = textKey;
    }

    public String attribute() {
        return attribute;
    }

    public String textKey() {
        return textKey;
    }

    /** The column sorted by {@code attribute}, if the table has one. */
    public static Optional<SortColumn> of(String attribute) {
        return Arrays.stream(values()).filter(c -> c.attribute.equals(attribute)).findFirst();
    }
}
