package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;

/** {@link FederationTokenEndpointTest} on PostgreSQL. */
class FederationTokenEndpointPostgresTest extends FederationTokenEndpointTest {
    @Override
    SqlDirectory openDirectory(Path folder) {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
