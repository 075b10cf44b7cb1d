package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link TenantIsolationTest} on PostgreSQL (issue 9). */
class TenantIsolationPostgresTest extends TenantIsolationTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
