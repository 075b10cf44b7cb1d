package app.scimconsole.directory;

/** {@link DomainCheckHistoryTest}, every test of it, on PostgreSQL. */
class DomainCheckHistoryPostgresTest extends DomainCheckHistoryTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
