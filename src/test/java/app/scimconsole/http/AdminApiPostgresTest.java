package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link AdminApiTest}, every test of it, on PostgreSQL (issue 9). */
class AdminApiPostgresTest extends AdminApiTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
