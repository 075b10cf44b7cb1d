package app.scimconsole.directory;

import app.scimconsole.directory.AttributeSql.Collection;
import app.scimconsole.directory.AttributeSql.One;
import app.scimconsole.directory.AttributeSql.Scalar;
import app.scimconsole.directory.AttributeSql.Some;
import app.scimconsole.directory.AttributeSql.Target;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.AttributeDef;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimType;
import java.util.List;

/**
 * The ORDER BY of a list query (RFC 7644 §3.4.2.3). Resources without a value sort last either way,
 * and {@code id} breaks ties so that pages never overlap or skip. Without {@code sortBy}: creation order.
 * A descending sort breaks ties by {@code id} descending too, and a column that is never NULL has no "NULLs last"
 * term: so each sort on a column is exactly the order of an index (V24), walked forwards or backwards; a descending
 * sort by a user's display name, which may be missing, is two backward walks of its one index on SQLite (V29).
 */
public final class SortSql {
    private static final String ROW = AttributeSql.ROW;

    private SortSql() {
    }

    public static SqlWhere orderBy(ResourceType type, AttrPath sortBy, boolean descending) {
        return orderBy(SqlDialect.SQLITE, type, sortBy, descending);
    }

    public static SqlWhere orderBy(SqlDialect dialect, ResourceType type, AttrPath sortBy, boolean descending) {
        return order(dialect, type, sortBy, descending).orderBy(false);
    }

    /**
     * How a page in this order is read after {@code WHERE <the query's conditions>}: for most orders its ORDER BY; for
     * one read in runs ({@link SortOrder#readsInRuns}: a descending display-name sort) each run's
     * {@code AND <run> ORDER BY …}, one statement each.
     */
    public static List<SqlWhere> walks(SqlDialect dialect, ResourceType type, AttrPath sortBy,
            boolean descending) {
        SortOrder order = order(dialect, type, sortBy, descending);
        if (!order.readsInRuns()) {
            return List.of(order.orderBy(false));
        }
        return order.runs().stream().map(run -> run.wrap("AND ", " ").join("", order.orderWithinSegment(false)))
                .toList();
    }

    /** Whether {@code key}, read from a client's cursor, is of the kind this sort's key is (see {@link SortOrder}). */
    public static boolean fitsKey(ResourceType type, AttrPath sortBy, boolean descending, Object key) {
        return order(SqlDialect.SQLITE, type, sortBy, descending).fits(key);
    }

    /**
     * Whether an index holds this order (V1, V24), so that a page reads only its own rows, however long the list.
     * A sort by a value that lives only in the document (a user's title, department, e-mail) has none: each of its
     * pages reads and sorts every match. Either direction: each sort on a column is one index walked either way.
     */
    public static boolean walksIndex(ResourceType type, AttrPath sortBy) {
        return order(SqlDialect.SQLITE, type, sortBy, false).index() != null;
    }

    static SortOrder order(ResourceType type, AttrPath sortBy, boolean descending) {
        return order(SqlDialect.SQLITE, type, sortBy, descending);
    }

    static SortOrder order(SqlDialect dialect, ResourceType type, AttrPath sortBy, boolean descending) {
        SqlWhere key = sortBy == null ? SqlWhere.of(ROW + ".created") : sortKey(dialect, type, sortBy);
        boolean desc = sortBy != null && descending;
        return new SortOrder(dialect, key, !neverNull(type, key), desc, index(type, key.sql()),
                type == ResourceType.GROUP && key.sql().equals(ROW + ".display_name_lc"));
    }

    /** The index of each order on a column (V1, V24): the key, then the id that breaks its ties. */
    private static String index(ResourceType type, String key) {
        String table = ResourceRows.table(type);
        return switch (key) {
            case ROW + ".created" -> table + "_by_created";
            case ROW + ".user_name_lc" -> "users_name_search";
            // one index either way (SQLite's V29, PostgreSQL's V31): a descending page reads its runs apart
            case ROW + ".display_name_lc" -> type == ResourceType.GROUP ? "groups_by_display_name"
                    : "users_by_display_name";
            case ROW + ".last_modified" -> type == ResourceType.USER ? "users_by_last_modified" : null;
            case ROW + ".active" -> "users_by_active";
            default -> null;
        };
    }

    /** Columns the schema declares NOT NULL (a user's display name may be missing, a group's may not). */
    private static boolean neverNull(ResourceType type, SqlWhere key) {
        return switch (key.sql()) {
            case ROW + ".id", ROW + ".created", ROW + ".last_modified" -> true;
            case ROW + ".user_name_lc", ROW + ".active" -> type == ResourceType.USER;
            case ROW + ".display_name_lc" -> type == ResourceType.GROUP;
            default -> false;
        };
    }

    private static SqlWhere sortKey(SqlDialect dialect, ResourceType type, AttrPath sortBy) {
        Target target;
        try {
            target = AttributeSql.target(dialect, type, sortBy, true);
        } catch (ScimException e) {
            throw e.as(ScimType.INVALID_VALUE); // RFC 7644 §3.4.2.3: a sortBy the store cannot use is invalidValue
        }
        if (target instanceof One one) {
            return new SqlWhere(one.scalar().sql(), one.scalar().params());
        }
        return firstValue((Some) target);
    }

    /** A multi-valued attribute sorts by its primary value, else by its first (RFC 7644 §3.4.2.3). */
    private static SqlWhere firstValue(Some some) {
        Collection c = some.collection();
        Scalar value = c.element().apply(some.sub());
        AttributeDef primary = c.def().sub("primary");
        SqlWhere query = c.select(new SqlWhere(value.sql(), value.params()), null);
        if (primary != null) {
            Scalar p = c.element().apply(primary);
            query = query.join(" ORDER BY ", new SqlWhere(p.sql(), p.params())).wrap("", " IS TRUE DESC");
        }
        return query.wrap("(", " LIMIT 1)");
    }
}
