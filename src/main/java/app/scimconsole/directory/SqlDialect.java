package app.scimconsole.directory;

import java.util.Collections;
import java.util.List;

/**
 * The few places where the SQL of the two engines differs; everything else (tables, indexes, upserts with
 * {@code ON CONFLICT}, {@code LIKE ... ESCAPE}, {@code LIMIT/OFFSET}, booleans bound as parameters) is shared.
 *
 * <ul>
 * <li>JSON: documents are TEXT in both. SQLite reads them with JSON1 ({@code json_extract}, {@code json_each})
 * and one JSON path parameter; PostgreSQL casts to {@code jsonb} and passes the path as separate keys.</li>
 * <li>Case folding: both compare lower-cased shadow columns with values lower-cased in Java. On JSON values
 * SQLite's {@code lower()} is replaced by Java's on every connection; PostgreSQL's follows the database's
 * LC_CTYPE (README: create the database with a UTF-8 LC_CTYPE).</li>
 * <li>Case-exact substring: {@code instr} (SQLite) versus {@code strpos} (PostgreSQL).</li>
 * <li>Locking: PostgreSQL locks the row a delete reads ({@code FOR UPDATE}); SQLite has a single writer, so it
 * needs none.</li>
 * </ul>
 */
public enum SqlDialect {
    SQLITE,
    POSTGRES;

    /** The source expression of a resource row's document. */
    String document(String row) {
        return this == SQLITE ? row + ".doc" : row + ".doc::jsonb";
    }

    /** Position of {@code needle} in {@code haystack} (1-based, 0 when absent). */
    String position(String haystack, String needle) {
        return this == SQLITE ? "instr(" + haystack + ", " + needle + ")" : "strpos(" + haystack + ", " + needle + ")";
    }

    /**
     * Whether a page of few matches must be told to filter before it sorts ({@link ResourceRows#FEW_MATCHES}).
     * SQLite keeps no statistics here and prefers walking an index in the sort order; PostgreSQL's planner
     * estimates the filter's selectivity and chooses for itself.
     */
    boolean sortsFewMatchesApart() {
        return this == SQLITE;
    }

    /**
     * Whether a users query asks the trigram table first for the rows that may contain a searched name
     * ({@link TrigramSearch}): SQLite's FTS5 is a table of its own; PostgreSQL's pg_trgm indexes the columns, and
     * its planner uses them for the query's own LIKE.
     */
    boolean narrowsNameSearches() {
        return this == SQLITE;
    }

    /**
     * Whether a table can be read in ranges of its rowids ({@link Directory#countEach(String,
     * app.scimconsole.scim.ResourceType, java.util.List, Runnable)}): SQLite's rows are stored in rowid order.
     */
    boolean readsRowidRanges() {
        return this == SQLITE;
    }

    /**
     * Whether a keyset page names the index of its order ({@code INDEXED BY}, {@link SortOrder#index}). Without
     * statistics SQLite may seek the place in another index that holds the same columns (V24's descending
     * display-name index for an ascending page, until V29 dropped it) and then sort every row after it; PostgreSQL's
     * planner weighs the order itself.
     */
    boolean pinsKeysetIndex() {
        return this == SQLITE;
    }

    /**
     * Whether one segment of a keyset page ({@link SortOrder#segments}), whose rows all have a key or all have none,
     * still orders by the "missing last" term (and seeks by a row value that starts with it). PostgreSQL needs it
     * to walk the ascending (missing, key, id) index either way; SQLite does not count the segment's
     * {@code (key IS NULL) = FALSE} as settling that term and would sort the rest of the list, but walks its index
     * of the order in (key, id) order without it.
     */
    boolean ordersSegmentsByMissing() {
        return this == POSTGRES;
    }

    /** What a read-modify-write appends to its SELECT of the row it is about to change. */
    String lockRow() {
        return this == SQLITE ? "" : " FOR UPDATE";
    }

    /** The parameters of a JSON path: one {@code $."a"."b"} for SQLite, the keys themselves for PostgreSQL. */
    List<Object> pathParams(List<String> keys) {
        if (this == POSTGRES) {
            return List.copyOf(keys);
        }
        StringBuilder path = new StringBuilder("$");
        keys.forEach(k -> path.append(".\"").append(k).append('"'));
        return List.of(path.toString());
    }

    /** {@code ?} placeholders for {@link #pathParams}, comma-separated. */
    String pathPlaceholders(List<String> keys) {
        return this == SQLITE ? "?" : String.join(", ", Collections.nCopies(keys.size(), "?"));
    }
}
