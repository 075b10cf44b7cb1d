package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Migrations;
import app.scimconsole.directory.SqlDialect;
import app.scimconsole.directory.SqliteDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written by the version before reasons were data: its activity entries survive the migration with
 * their English text, and are read as entries of an earlier version, next to new entries with their codes.
 */
class LegacyActivityTest {
    @TempDir
    Path dir;

    @Test
    void entriesOfTheEarlierVersionAreReadWithTheirTextBesideNewOnes() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME).toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations(Migrations.locations(SqlDialect.SQLITE))
                .target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenants (id, scim_enabled, created) VALUES ('t1', 1, '2026-01-01T00:00:00.000Z')");
            s.execute("INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name, outcome,"
                    + " detail) VALUES ('2026-01-01T00:00:00.000Z', 't1', 'CREATE', 'User', 'u1', 'ann@example.com',"
                    + " 'success', 'created')");
        }

        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            new ActivityRecorder(directory, java.time.Clock.systemUTC()).ownerAction("t1", "ENABLE",
                    Reason.of(TenantAdmin.ENABLED));
            List<Directory.Activity> log = directory.activity("t1", 10);

            assertThat(log).extracting(Directory.Activity::code).containsExactly(TenantAdmin.ENABLED, null);
            Directory.Activity old = log.get(1);
            assertThat(old.detail()).isEqualTo("created");
            assertThat(old.args()).isEmpty();
            assertThat(AdminService.reasonOf(old)).isEqualTo(Reason.of(AdminService.LEGACY_ENTRY, "created"));
            assertThat(AdminService.reasonOf(log.get(0))).isEqualTo(Reason.of(TenantAdmin.ENABLED));
        }
    }
}
