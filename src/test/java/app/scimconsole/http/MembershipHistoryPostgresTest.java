package app.scimconsole.http;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link MembershipHistoryTest}, every test of it, on PostgreSQL. */
class MembershipHistoryPostgresTest extends MembershipHistoryTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase());
    }
}
