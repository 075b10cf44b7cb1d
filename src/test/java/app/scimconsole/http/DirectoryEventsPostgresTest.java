package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link DirectoryEventsTest}, every test of it, on PostgreSQL. */
class DirectoryEventsPostgresTest extends DirectoryEventsTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
