package app.scimconsole.directory;

/** {@link UserNameKeyMigrationTest} on PostgreSQL: a database emptied, migrated to V10, then opened. */
class UserNameKeyMigrationPostgresTest extends UserNameKeyMigrationTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
