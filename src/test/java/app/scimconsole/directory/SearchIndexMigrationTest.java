package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V24 on a directory that already holds users: the trigram table is filled from them once, so that a search that
 * goes through it (three characters or more) finds the users stored before the upgrade, and still after they change.
 */
class SearchIndexMigrationTest {
    @TempDir
    Path dir;

    @Test
    void usersStoredBeforeTheTrigramIndexAreFoundThroughIt() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations(Migrations.locations(SqlDialect.SQLITE)).target("22")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tenants (id, scim_enabled, created) VALUES ('t1', TRUE,"
                    + " '2024-01-01T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO users (tenant_id, id, user_name, user_name_lc, user_name_key, display_name,"
                    + " display_name_lc, created, last_modified, version, doc) VALUES ('t1', 'u1',"
                    + " 'Yamada.Taro@example.jp', 'yamada.taro@example.jp', 'yamada.taro@example.jp', '山田 太郎',"
                    + " '山田 太郎', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 1,"
                    + " '{\"userName\":\"Yamada.Taro@example.jp\",\"displayName\":\"山田 太郎\"}')");
        }
        try (SqlDirectory directory = SqliteDirectory.open(dir)) {
            assertThat(ids(directory, "userName co \"TARO@\"")).containsExactly("u1");
            assertThat(ids(directory, "displayName co \"田 太郎\"")).containsExactly("u1");
            assertThat(ids(directory, "userName co \"hanako\"")).isEmpty();
            StoredResource u1 = directory.get("t1", ResourceType.USER, "u1", false).orElseThrow();
            directory.delete("t1", ResourceType.USER, "u1", u1.version(), null);
            assertThat(ids(directory, "userName co \"taro@\"")).isEmpty();
        }
    }

    private static java.util.List<String> ids(SqlDirectory directory, String filter) {
        return directory.query("t1", ResourceType.USER, new Query(FilterParser.parseFilter(filter), null, false, 1, 10,
                false)).resources().stream().map(StoredResource::id).toList();
    }
}
