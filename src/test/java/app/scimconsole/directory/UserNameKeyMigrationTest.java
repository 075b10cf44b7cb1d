package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V11 (issue 17): a directory of the version before, whose userNames were unique by lower case only, opens with
 * each user keyed by its RFC 8265 form. Users that collide under the new key were stored as duplicates: the oldest
 * keeps the name, the others keep their data, are not found by userName, and cannot be changed until renamed.
 */
class UserNameKeyMigrationTest extends EarlierSchemaTest {
    @Test
    void storedUsersAreKeyedAndTheYoungerOfACollisionIsKeptWithoutAKey() throws SQLException {
        String url = migratedTo("10");
        try (Connection c = connect(url)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO tenants (id, scim_enabled, created) VALUES ('t1', TRUE, "
                        + "'2024-01-01T00:00:00.000Z'), ('t2', TRUE, '2024-01-01T00:00:00.000Z')");
            }
            insert(c, "t1", "u1", "Bob@example.com", "2024-01-01T00:00:00.000Z");
            insert(c, "t1", "u2", "ＢＯＢ@example.com", "2024-01-02T00:00:00.000Z");
            insert(c, "t1", "u3", "jose\u0301@example.com", "2024-01-03T00:00:00.000Z");
            insert(c, "t1", "u4", "jos\u00e9@example.com", "2024-01-04T00:00:00.000Z");
            insert(c, "t2", "u5", "bob@example.com", "2024-01-05T00:00:00.000Z");
        }

        try (SqlDirectory directory = open()) {
            assertThat(ids(directory, "t1", "userName eq \"bob@EXAMPLE.com\"")).containsExactly("u1");
            assertThat(ids(directory, "t1", "userName eq \"jos\u00e9@example.com\"")).containsExactly("u3");
            assertThat(ids(directory, "t2", "userName eq \"ｂｏｂ@example.com\"")).containsExactly("u5");
            assertThat(ids(directory, "t1", "userName sw \"jos\"")).as("other operators as before")
                    .containsExactlyInAnyOrder("u3", "u4");

            StoredResource younger = directory.get("t1", ResourceType.USER, "u2", false).orElseThrow();
            assertThat(younger.doc().path("userName").asText()).as("kept, readable").isEqualTo("ＢＯＢ@example.com");
            ObjectNode retitled = younger.doc().deepCopy().put("title", "Engineer");
            StorageOutcome refused = catchThrowableOfType(() -> directory.update("t1", ResourceType.USER, "u2",
                    new Directory.Update(younger.version(), retitled, List.of(), false), null), StorageOutcome.class);
            assertThat(refused.kind()).isEqualTo(StorageOutcome.Kind.DUPLICATE);
            ObjectNode renamed = younger.doc().deepCopy().put("userName", "robert@example.com");
            directory.update("t1", ResourceType.USER, "u2", new Directory.Update(younger.version(), renamed, List.of(),
                    false), null);
            assertThat(ids(directory, "t1", "userName eq \"Robert@example.com\"")).containsExactly("u2");

            StorageOutcome duplicate = catchThrowableOfType(() -> directory.create("t1", ResourceType.USER,
                    user("Ｂob@Example.com"), List.of()), StorageOutcome.class);
            assertThat(duplicate.kind()).isEqualTo(StorageOutcome.Kind.DUPLICATE);
        }
    }

    private static List<String> ids(SqlDirectory directory, String tenant, String filter) {
        return directory.query(tenant, ResourceType.USER, new Query(FilterParser.parseFilter(filter), null, false, 1,
                100, false)).resources().stream().map(StoredResource::id).toList();
    }

    private static ObjectNode user(String userName) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        return doc.put("userName", userName).put("active", true);
    }

    private static void insert(Connection c, String tenant, String id, String userName, String created)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (tenant_id, id, user_name, user_name_lc,"
                + " active, created, last_modified, version, doc) VALUES (?, ?, ?, ?, TRUE, ?, ?, 1, ?)")) {
            ps.setString(1, tenant);
            ps.setString(2, id);
            ps.setString(3, userName);
            ps.setString(4, userName.toLowerCase(java.util.Locale.ROOT));
            ps.setString(5, created);
            ps.setString(6, created);
            ps.setString(7, user(userName).toString());
            ps.executeUpdate();
        }
    }
}
