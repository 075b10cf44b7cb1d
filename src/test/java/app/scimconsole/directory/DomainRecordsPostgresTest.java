package app.scimconsole.directory;

/** {@link DomainRecordsTest}, every test of it, on PostgreSQL: the races there are between pooled connections. */
class DomainRecordsPostgresTest extends DomainRecordsTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
