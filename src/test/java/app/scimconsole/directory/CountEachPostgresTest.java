package app.scimconsole.directory;

/** {@link CountEachTest} on PostgreSQL. */
class CountEachPostgresTest extends CountEachTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
