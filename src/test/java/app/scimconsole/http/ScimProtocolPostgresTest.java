package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link ScimProtocolTest}, every test of it, on PostgreSQL (issue 9). */
class ScimProtocolPostgresTest extends ScimProtocolTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
