package app.scimconsole.directory;

/** {@link KeysetPagingTest}, every test of it, on PostgreSQL. */
class KeysetPagingPostgresTest extends KeysetPagingTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
