package app.scimconsole.service;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.testing.TestPostgres;

/** {@link WebhookDeliveryTest}, every test of it, on PostgreSQL. */
class WebhookDeliveryPostgresTest extends WebhookDeliveryTest {
    @Override
    SqlDirectory openDirectory() {
        return PostgresDirectory.open(TestPostgres.freshDatabase(), clock);
    }
}
