package app.scimconsole.directory;

import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of a real directory with one tenant in it, opened before each test and closed after it: a SQLite file in a
 * folder of its own, or a fresh PostgreSQL database where a subclass says {@link #onPostgres()} (the {@code -Postgres}
 * variants run every test of the SQLite one). A subclass's own {@code @BeforeEach} runs after this one's and adds its
 * rows to {@link #tenant}.
 */
abstract class OneTenantDirectoryTest {
    @TempDir
    Path dir;
    SqlDirectory directory;
    String tenant;

    boolean onPostgres() {
        return false;
    }

    /** The SQLite directory in {@code folder}; a test of the trigram index opens one whose indexer waits. */
    SqliteDirectory openSqlite(Path folder) {
        return SqliteDirectory.open(folder);
    }

    @BeforeEach
    void openDirectory() {
        directory = onPostgres() ? PostgresDirectory.open(TestPostgres.freshDatabase()) : openSqlite(dir);
        tenant = directory.createTenant().id();
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }
}
