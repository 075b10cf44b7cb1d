package app.scimconsole.directory;

/**
 * Where the schema migrations live. {@code common} holds the versioned scripts both engines run unchanged;
 * {@code postgresql} holds the few PostgreSQL-only steps, numbered right after the script they complete
 * (e.g. {@code V1_1}: SQLite's {@code INTEGER PRIMARY KEY} numbers rows by itself, PostgreSQL needs an identity);
 * {@code sqlite} and {@code postgresql} may also hold one version each in both folders where the engines need
 * different means to the same end (V24: the search's trigram index, FTS5 on SQLite, pg_trgm on PostgreSQL; V29: fewer
 * indexes a write updates, two on SQLite, one on PostgreSQL); a version
 * only one engine needs is in its folder alone (V25: the events waiting for their number, PostgreSQL's only; V27: fewer
 * pages a commit writes, SQLite's only).
 */
public final class Migrations {
    private static final String ROOT = "classpath:app/scimconsole/directory/migration/";

    private Migrations() {
    }

    /** The Flyway locations for {@code dialect}. */
    public static String[] locations(SqlDialect dialect) {
        return dialect == SqlDialect.SQLITE ? new String[] {ROOT + "common", ROOT + "sqlite"}
                : new String[] {ROOT + "common", ROOT + "postgresql"};
    }
}
