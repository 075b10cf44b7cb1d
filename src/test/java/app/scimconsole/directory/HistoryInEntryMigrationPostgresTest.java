package app.scimconsole.directory;

/** {@link HistoryInEntryMigrationTest} on PostgreSQL: a database emptied, migrated to V29, then opened. */
class HistoryInEntryMigrationPostgresTest extends HistoryInEntryMigrationTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
