package app.scimconsole.directory;

import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainCheck;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainRecords;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.domains.VerificationStatus;
import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The domains' storage of a real directory, on SQLite unless a subclass says {@link #onPostgres()}. */
abstract class DomainStorageTestBase {
    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    @TempDir
    Path dir;
    SqlDirectory directory;
    DomainRecords store;
    private String rawUrl;
    private PostgresDirectory.Settings settings;

    boolean onPostgres() {
        return false;
    }

    @BeforeEach
    void open() {
        if (onPostgres()) {
            settings = TestPostgres.freshDatabase();
            directory = PostgresDirectory.open(settings);
        } else {
            directory = SqliteDirectory.open(dir);
            rawUrl = "jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME);
        }
        store = directory.domainRecords();
    }

    @AfterEach
    void close() {
        directory.close();
    }

    /** A connection of its own to the same database, beside the directory's. */
    Connection rawConnection() throws SQLException {
        return settings != null ? DriverManager.getConnection(settings.url(), settings.user(), settings.password())
                : DriverManager.getConnection(rawUrl);
    }

    static DomainRecord registered(String tenant, String domain) {
        return new DomainRecord(tenant, Challenge.issue(DomainName.parse(domain)), new RecheckPolicy().registered(T0),
                null, T0, null);
    }

    /** A check's result after {@code outcome}, found at {@code at}; {@code tag} tells the checks apart. */
    static DomainRecord checked(DomainRecord r, VerificationStatus outcome, String tag, Instant at) {
        return r.checked(new RecheckPolicy().afterCheck(r.state(), outcome, at), tagged(tag), at);
    }

    /** Findings that carry {@code tag} as their summary's argument. */
    static Findings tagged(String tag) {
        return Findings.of(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME, tag));
    }

    static String tag(DomainCheck check) {
        return check.findings().summary().args().get(0);
    }
}
