package app.scimconsole.directory;

/** {@link NameSearchTest}, every test of it, on PostgreSQL (pg_trgm's indexes in place). */
class NameSearchPostgresTest extends NameSearchTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
