package app.scimconsole.directory;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.AttributeDef.Returned;
import app.scimconsole.scim.AttributeDef.Type;
import app.scimconsole.scim.AttributeDef;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each SCIM attribute lives in the tables, for filters and sorting. Attributes Entra looks up map
 * to indexed columns; memberships to {@code group_members}; everything else to the JSON document through
 * SQLite's JSON1 functions, with the JSON path bound as a parameter. The resource row is aliased
 * {@value #ROW}.
 */
final class AttributeSql {
    static final String ROW = "r";

    /**
     * One value as an SQL expression. {@code folded}: the expression is lower-case text and is compared
     * against lower-cased values, which is how case-insensitive attributes are matched. {@code keySql} (may be
     * null): a column holding the value's identity key, which {@code eq} compares instead (a userName is one user
     * whatever its width, case or normalization: {@link app.scimconsole.scim.UserNameKey}).
     */
    record Scalar(String sql, List<Object> params, AttributeDef def, boolean folded, String keySql) {
        Scalar(String sql, List<Object> params, AttributeDef def, boolean folded) {
            this(sql, params, def, folded, null);
        }
    }

    /**
     * Many values: the rows of {@code from}, tied to the resource row by {@code correlation} (may be
     * null), each yielding values through {@code element}, which takes the sub-attribute (null: the
     * element itself).
     */
    record Collection(String from, String correlation, List<Object> params, AttributeDef def,
            Function<AttributeDef, Scalar> element, SqlDialect dialect) {

        /** {@code SELECT what FROM from [WHERE correlation AND condition]}; condition may be null. */
        SqlWhere select(SqlWhere what, SqlWhere condition) {
            SqlWhere query = what.wrap("SELECT ", " FROM ").join("", new SqlWhere(from, params));
            if (correlation != null) {
                query = query.join(" WHERE ", SqlWhere.of(correlation));
            }
            if (condition != null) {
                query = query.join(correlation == null ? " WHERE " : " AND ", condition);
            }
            return query;
        }

        /** EXISTS a row of the collection satisfying {@code condition} (null: any row). */
        SqlWhere exists(SqlWhere condition) {
            return select(SqlWhere.of("1"), condition).wrap("EXISTS (", ")");
        }
    }

    /** What a path denotes: one value, or some values of a collection ({@code sub} null: whole elements). */
    sealed interface Target {
    }

    record One(Scalar scalar) implements Target {
    }

    record Some(Collection collection, AttributeDef sub) implements Target {
    }

    private static final Map<String, Function<AttributeDef, Scalar>> USER_COLUMNS = Map.of(
            "id", def -> column("id", def),
            "externalid", def -> column("external_id", def),
            "username", def -> new Scalar(ROW + ".user_name_lc", List.of(), def, true, ROW + ".user_name_key"),
            "displayname", def -> lowerColumn("display_name_lc", def),
            "active", def -> column("active", def),
            "manager.value", def -> column("manager_id", def),
            "meta.created", def -> column("created", def),
            "meta.lastmodified", def -> column("last_modified", def));

    private static final Map<String, Function<AttributeDef, Scalar>> GROUP_COLUMNS = Map.of(
            "id", def -> column("id", def),
            "externalid", def -> column("external_id", def),
            "displayname", def -> lowerColumn("display_name_lc", def),
            "meta.created", def -> column("created", def),
            "meta.lastmodified", def -> column("last_modified", def));

    private AttributeSql() {
    }

    /**
     * Resolves {@code path} for a comparison ({@code comparing}) or a presence test. A comparison on a
     * complex attribute without a sub-attribute means its {@code value} ({@code manager eq "id"},
     * {@code members eq "id"}), as Entra writes it.
     */
    static Target target(ResourceType type, AttrPath path, boolean comparing) {
        return target(SqlDialect.SQLITE, type, path, comparing);
    }

    static Target target(SqlDialect dialect, ResourceType type, AttrPath path, boolean comparing) {
        ResourceType.Resolved resolved = type.resolve(path, true);
        AttributeDef attr = resolved.attribute();
        AttributeDef sub = resolved.subAttribute();
        if (sub == null && comparing && attr.isComplex()) {
            sub = valueOf(attr, path);
        }
        requireFilterable(attr, path);
        if (sub != null) {
            requireFilterable(sub, path);
        }
        String key = canonicalKey(attr, sub);
        Function<AttributeDef, Scalar> column = columns(type).get(key);
        if (column != null) {
            return new One(column.apply(sub != null ? sub : attr));
        }
        Collection membership = membership(dialect, type, attr);
        if (membership != null) {
            return new Some(membership, sub);
        }
        if (key.equals("meta") || key.startsWith("meta.")) {
            throw new ScimException(ScimProblem.NOT_FILTERABLE, path);
        }
        List<String> attrPath = jsonPath(resolved);
        if (attr.multiValued()) {
            return new Some(jsonArray(dialect, attrPath, attr), sub);
        }
        return new One(json(dialect, dialect.document(ROW), sub == null ? attrPath : append(attrPath, sub.name()),
                sub != null ? sub : attr));
    }

    /**
     * How the inside of {@code attr[...]} resolves its relative paths, and how the condition on them is
     * wrapped: in one EXISTS for a multi-valued attribute (one and the same element must match), as is
     * for a single complex one.
     */
    record Container(AttrPath attr, Collection collection, ResourceType type, SqlDialect dialect) {
        Scalar sub(AttrPath relative, boolean comparing) {
            AttrPath full = attr.withSub(relative.name());
            if (collection == null) {
                Target t = target(dialect, type, full, comparing);
                return ((One) t).scalar();
            }
            AttributeDef sub = type.resolve(full, true).subAttribute();
            requireFilterable(sub, full);
            return collection.element().apply(sub);
        }

        SqlWhere wrap(SqlWhere inner) {
            return collection == null ? inner : collection.exists(inner);
        }
    }

    static Container container(SqlDialect dialect, ResourceType type, AttrPath attr) {
        AttributeDef def = type.resolve(attr, true).attribute();
        if (!def.isComplex()) {
            throw new ScimException(ScimProblem.NO_SUB_ATTRIBUTES, attr);
        }
        if (!def.multiValued()) {
            return new Container(attr, null, type, dialect);
        }
        Target whole = target(dialect, type, attr, false);
        return new Container(attr, ((Some) whole).collection(), type, dialect);
    }

    // ---- the three kinds of storage -----------------------------------------------------------------

    private static Scalar column(String name, AttributeDef def) {
        return new Scalar(ROW + "." + name, List.of(), def, false);
    }

    /** A shadow column the store fills with the lower-cased value. */
    private static Scalar lowerColumn(String name, AttributeDef def) {
        return new Scalar(ROW + "." + name, List.of(), def, true);
    }

    /** One value inside a JSON document {@code source}, at the path {@code keys}. */
    private static Scalar json(SqlDialect dialect, String source, List<String> keys, AttributeDef def) {
        boolean fold = isText(def) && !def.caseExact();
        List<Object> params = dialect.pathParams(keys);
        String path = dialect.pathPlaceholders(keys);
        if (dialect == SqlDialect.SQLITE) {
            String extract = "json_extract(" + source + ", " + path + ")";
            return new Scalar(fold ? "lower(" + extract + ")" : extract, params, def, fold);
        }
        // PostgreSQL: typed like SQLite's json_extract, so that comparisons with bound values agree.
        String value = "jsonb_extract_path(" + source + ", " + path + ")";
        String text = "jsonb_extract_path_text(" + source + ", " + path + ")";
        return switch (def.type()) {
            case BOOLEAN -> new Scalar("(" + value + " = 'true'::jsonb)", params, def, false);
            case INTEGER, DECIMAL -> new Scalar("(CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN (" + text
                    + ")::numeric END)", twice(params), def, false);
            case COMPLEX -> new Scalar("(" + value + ")::text", params, def, false);
            default -> new Scalar(fold ? "lower(" + text + ")" : text, params, def, fold);
        };
    }

    /** The elements of a JSON array: SQLite's json_each, PostgreSQL's jsonb_array_elements (arrays only). */
    private static Collection jsonArray(SqlDialect dialect, List<String> keys, AttributeDef attr) {
        List<Object> params = dialect.pathParams(keys);
        if (dialect == SqlDialect.SQLITE) {
            return new Collection("json_each(" + ROW + ".doc, ?) e", null, params, attr, sub -> sub == null
                    ? new Scalar("e.value", List.of(), attr, false)
                    : json(dialect, "e.value", List.of(sub.name()), sub), dialect);
        }
        String array = "jsonb_extract_path(" + dialect.document(ROW) + ", " + dialect.pathPlaceholders(keys) + ")";
        return new Collection("jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN " + array
                + " END) e", null, twice(params), attr, sub -> sub == null
                ? new Scalar("(e.value #>> '{}')", List.of(), attr, false)
                : json(dialect, "e.value", List.of(sub.name()), sub), dialect);
    }

    private static List<Object> twice(List<Object> params) {
        List<Object> both = new java.util.ArrayList<>(params);
        both.addAll(params);
        return both;
    }

    /** Memberships are rows of group_members, seen from either side; members are always users. */
    private static Collection membership(SqlDialect dialect, ResourceType type, AttributeDef attr) {
        if (type == ResourceType.USER && attr.name().equals("groups")) {
            return new Collection("group_members gm", "gm.member_id = " + ROW + ".id", List.of(), attr,
                    sub -> membershipSub(sub, "gm.group_id",
                            "(SELECT g.display_name_lc FROM groups g WHERE g.id = gm.group_id)"), dialect);
        }
        if (type == ResourceType.GROUP && attr.name().equals("members")) {
            return new Collection("group_members gm", "gm.group_id = " + ROW + ".id", List.of(), attr,
                    sub -> membershipSub(sub, "gm.member_id",
                            "(SELECT COALESCE(u.display_name_lc, u.user_name_lc) FROM users u WHERE u.id = gm.member_id)"),
                    dialect);
        }
        return null;
    }

    private static Scalar membershipSub(AttributeDef sub, String idColumn, String displayExpression) {
        if (sub != null && sub.name().equals("value")) {
            // ids are compared exactly, as id itself is caseExact
            return new Scalar(idColumn, List.of(), sub, false);
        }
        if (sub != null && sub.name().equals("display")) {
            return new Scalar(displayExpression, List.of(), sub, true);
        }
        throw new ScimException(ScimProblem.MEMBERSHIP_SUB_ATTRIBUTE, sub == null ? "" : sub.name());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static AttributeDef valueOf(AttributeDef complex, AttrPath path) {
        AttributeDef value = complex.sub("value");
        if (value == null) {
            throw new ScimException(ScimProblem.COMPLEX_NEEDS_SUB_ATTRIBUTE, path);
        }
        return value;
    }

    private static void requireFilterable(AttributeDef def, AttrPath path) {
        if (def.returned() == Returned.NEVER || def.type() == Type.BINARY) {
            throw new ScimException(ScimProblem.NOT_FILTERABLE, path);
        }
    }

    private static Map<String, Function<AttributeDef, Scalar>> columns(ResourceType type) {
        return type == ResourceType.USER ? USER_COLUMNS : GROUP_COLUMNS;
    }

    private static String canonicalKey(AttributeDef attr, AttributeDef sub) {
        String key = attr.name().toLowerCase(Locale.ROOT);
        return sub == null ? key : key + "." + sub.name().toLowerCase(Locale.ROOT);
    }

    /** The keys of an attribute in the stored document: extensions sit under their URN. */
    private static List<String> jsonPath(ResourceType.Resolved resolved) {
        return resolved.inExtension() ? List.of(resolved.schema().id(), resolved.attribute().name())
                : List.of(resolved.attribute().name());
    }

    private static List<String> append(List<String> keys, String key) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.add(key);
        return List.copyOf(all);
    }

    static boolean isText(AttributeDef def) {
        return def.type() == Type.STRING || def.type() == Type.REFERENCE;
    }
}
