package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Position;
import app.scimconsole.directory.Directory.Seek;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One list order as SQL: its ORDER BY (either way round) and the WHERE of a keyset page, which starts right after
 * (or, going back, right before) a row known by its sort key and id. Each keyset page is one or two index ranges
 * ("segments"): a key that may be missing sorts its missing values last, so the rows with a value and the rows
 * without are two runs of the index, each sought on its own; a single {@code OR} over both would make the database
 * walk the index from its start and test every entry, which is what paging by offset costs.
 */
final class SortOrder {
    private static final String ROW = AttributeSql.ROW;
    private static final String ID = ROW + ".id";

    private final SqlWhere key;
    private final boolean nullable;
    private final boolean descending;
    private final boolean booleanKey;
    private final String index;
    private final SqlDialect dialect;
    /** The id's tie-break after a key no two rows share, or nothing (the key alone orders). */
    private final String tie;

    /** {@code index}: the index whose order this is (V24), null for a key no index holds (a JSON attribute). */
    SortOrder(SqlDialect dialect, SqlWhere key, boolean nullable, boolean descending, String index) {
        this(dialect, key, nullable, descending, index, false);
    }

    /**
     * {@code unique}: no two rows share a key (a group's name in its tenant), so the id breaks no tie and the order is
     * the key's alone: the unique index of the key, which holds no id, serves it without a sort on PostgreSQL too.
     */
    SortOrder(SqlDialect dialect, SqlWhere key, boolean nullable, boolean descending, String index, boolean unique) {
        this.tie = unique ? null : ID;
        this.dialect = dialect;
        this.key = key;
        this.index = index;
        this.nullable = nullable;
        this.descending = descending;
        this.booleanKey = key.sql().equals(ROW + ".active");
    }

    /** The index that holds this order, walked forward or backward; null when none does. */
    String index() {
        return index;
    }

    /** The value a row sorts by, selected beside the row so that a page can say where it ends. */
    SqlWhere key() {
        return key;
    }

    /** {@code reversed}: the order read backwards, for the page before a row (each term flipped). */
    SqlWhere orderBy(boolean reversed) {
        String direction = descending != reversed ? " DESC" : "";
        SqlWhere order = nullable ? key.wrap("ORDER BY (", " IS NULL)" + (reversed ? " DESC" : "") + ", ")
                .join("", key) : key.wrap("ORDER BY ", "");
        return order.wrap("", direction + (tie == null ? "" : ", " + tie + direction));
    }

    /** The key as selected in column {@code column}: a Boolean for the status (SQLite stores it as 0 or 1). */
    Object read(ResultSet rs, int column) throws SQLException {
        return booleanKey ? (Object) rs.getBoolean(column) : rs.getString(column);
    }

    /**
     * The order within one segment ({@link #segments}): all its rows have a key or none has, so the "missing last"
     * term may be left out, as the engine's index walk needs ({@link SqlDialect#ordersSegmentsByMissing}).
     */
    SqlWhere orderWithinSegment(boolean reversed) {
        String direction = descending != reversed ? " DESC" : "";
        if (!nullable) {
            return orderBy(reversed);
        }
        if (dialect.ordersSegmentsByMissing()) {
            // every term one way: the ascending (missing, key, id) index, walked forward or backward
            return key.wrap("ORDER BY (", " IS NULL)" + direction + ", ").join("", key)
                    .wrap("", direction + ", " + ID + direction);
        }
        return key.wrap("ORDER BY ", direction + ", " + ID + direction);
    }

    /** Whether a key read from a cursor is of this order's kind: a boolean for the status, else text (or none). */
    boolean fits(Object value) {
        return booleanKey ? value instanceof Boolean : value == null ? nullable : value instanceof String;
    }

    /**
     * The conditions of a keyset page, in the order the page reads them: each one is an index range in
     * {@link #orderBy(boolean) orderBy(seek.backward())}; the page takes rows from the first until it is full, then
     * from the next.
     */
    List<SqlWhere> segments(Seek seek) {
        Position p = seek.from();
        if (!fits(p.key())) {
            throw new IllegalArgumentException("a position of another kind of key");
        }
        String op = descending != seek.backward() ? " < " : " > ";
        List<SqlWhere> out = new ArrayList<>(2);
        if (!nullable) {
            out.add(beyond(op, p));
            return out;
        }
        SqlWhere present = present();
        SqlWhere missing = missing();
        if (p.key() != null) {
            out.add(present.join(" AND ", beyond(op, p)));
            if (!seek.backward()) {
                out.add(missing);
            }
        } else {
            out.add(missing.join(" AND ", SqlWhere.of(ID + op + "?", p.id())));
            if (seek.backward()) {
                out.add(present);
            }
        }
        return out;
    }

    /**
     * Whether a page by offset is read as the order's two runs ({@link #runs}), each a walk of one index: a descending
     * sort by a key that may be missing, whose one index serves both directions (SQLite's V29, PostgreSQL's V31).
     * Walked backward, that index yields the rows without a key first; the order puts them last.
     */
    boolean readsInRuns() {
        return index != null && nullable && descending;
    }

    /**
     * The order's runs, in the order it reads them: the rows with a key, then the rows without one (each is ordered
     * by {@link #orderWithinSegment}); the order itself when its key is never missing.
     */
    List<SqlWhere> runs() {
        return nullable ? List.of(present(), missing()) : List.of(SqlWhere.of("TRUE"));
    }

    private SqlWhere present() {
        return key.wrap("(", " IS NULL) = FALSE");
    }

    private SqlWhere missing() {
        return key.wrap("(", " IS NULL) = TRUE AND ").join("", key.wrap("", " IS NULL"));
    }

    /** (key, id) beyond the position: one row-value comparison, which both engines seek in a (key, id) index. */
    private SqlWhere beyond(String op, Position p) {
        if (tie == null) {
            return key.wrap("", op + "?").join("", SqlWhere.of("", p.key()));
        }
        if (nullable && dialect.ordersSegmentsByMissing()) {
            // PostgreSQL starts its index scan at a row value only when it spans the index's columns from the
            // first one after the equalities: (key, id) alone, behind the "missing" column, was a filter on half
            // the index (330 ms at a million users); (missing, key, id) is a start key (1 ms).
            return key.wrap("((", " IS NULL), ").join("", key).wrap("", ", " + ID + ")" + op)
                    .join("", SqlWhere.of("(FALSE, ?, ?)", p.key(), p.id()));
        }
        return key.wrap("(", ", " + ID + ")" + op).join("", SqlWhere.of("(?, ?)", p.key(), p.id()));
    }
}
