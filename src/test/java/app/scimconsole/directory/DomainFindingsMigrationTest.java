package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ReasonCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder of the version before V6, whose checks were stored as English sentences, opens and reads. */
class DomainFindingsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void englishResultsOfAnEarlierVersionBecomeTheCodeThatAsksForACheck() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations(Migrations.locations(SqlDialect.SQLITE)).target("5")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO domains (tenant_id, domain, record_name, record_value, status, detail, created, "
                    + "window_start, last_checked, next_check, attempts) VALUES ('t1', 'example.com', "
                    + "'_scim-console-challenge.example.com', 'scim-console-verification=" + "a".repeat(52) + "', "
                    + "'PENDING', 'The name _scim-console-challenge.example.com does not exist yet.', 1, 1, 2, 3, 1)");
            s.executeUpdate("INSERT INTO domains (tenant_id, domain, record_name, record_value, status, created, "
                    + "window_start, attempts) VALUES ('t1', 'fresh.example', '_scim-console-challenge.fresh.example', "
                    + "'scim-console-verification=" + "b".repeat(52) + "', 'PENDING', 1, 1, 0)");
            s.executeUpdate("INSERT INTO domain_checks (tenant_id, domain, checked_at, status, detail) VALUES "
                    + "('t1', 'example.com', 2, 'PENDING', 'The name does not exist yet.')");
        }

        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            Findings legacy = Findings.of(DomainReason.of(ReasonCode.CHECK_LEGACY));
            DomainName domain = DomainName.parse("example.com");
            assertThat(directory.domainRecords().find("t1", domain).orElseThrow().findings()).isEqualTo(legacy);
            assertThat(directory.domainRecords().history("t1", domain, 10)).singleElement()
                    .satisfies(check -> assertThat(check.findings()).isEqualTo(legacy));
            assertThat(directory.domainRecords().find("t1", DomainName.parse("fresh.example")).orElseThrow()
                    .findings()).as("never checked").isNull();
        }
    }
}
