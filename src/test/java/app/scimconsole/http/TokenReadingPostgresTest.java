package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link TokenReadingTest} on PostgreSQL: "another process" is a second pool on the same database. */
class TokenReadingPostgresTest extends TokenReadingTest {
    private PostgresDirectory.Settings database;

    @Override
    SqlDirectory openDirectory() {
        database = TestPostgres.freshDatabase();
        return PostgresDirectory.open(database);
    }

    @Override
    SqlDirectory elsewhere() {
        return PostgresDirectory.open(database);
    }
}
