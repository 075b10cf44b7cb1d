package app.scimconsole.directory;

/** {@link GroupKeysetPagingTest}, every test of it, on PostgreSQL. */
class GroupKeysetPagingPostgresTest extends GroupKeysetPagingTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
