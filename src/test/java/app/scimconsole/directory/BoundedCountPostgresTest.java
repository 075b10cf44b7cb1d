package app.scimconsole.directory;

/** {@link BoundedCountTest}, every test of it, on PostgreSQL. */
class BoundedCountPostgresTest extends BoundedCountTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
