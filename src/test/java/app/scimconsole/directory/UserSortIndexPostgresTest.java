package app.scimconsole.directory;

/** {@link UserSortIndexTest} on PostgreSQL. */
class UserSortIndexPostgresTest extends UserSortIndexTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
