package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.AttributeDef;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceSchema;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimType;
import app.scimconsole.scim.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filter → SQL, row by row. The SQL is what SQLite runs; the database tests prove it selects right. */
class FilterSqlTest {
    private static final ResourceType U = ResourceType.USER;
    private static final ResourceType G = ResourceType.GROUP;
    private static final String ENTERPRISE = Schemas.ENTERPRISE_URN;
    private static final String EMAILS = "EXISTS (SELECT 1 FROM json_each(r.doc, ?) e WHERE ";
    private static final String TITLE = "lower(json_extract(r.doc, ?))";

    static Stream<Arguments> translations() {
        return Stream.of(
                // Entra's lookups go to indexed columns; case-insensitive ones to lower-cased shadow columns.
                // userName eq compares RFC 8265 keys (issue 17): width, case and normalization ignored
                row(U, "userName eq \"Alice@X.com\"", "r.user_name_key = ?", "alice@x.com"),
                row(U, "userName eq \"ＡＬＩＣＥ@X.com\"", "r.user_name_key = ?", "alice@x.com"),
                row(U, "userName eq \"JOSE\u0301\"", "r.user_name_key = ?", "jos\u00e9"),
                row(U, "USERNAME EQ \"a\"", "r.user_name_key = ?", "a"),
                row(U, "externalId eq \"E-1\"", "r.external_id = ?", "E-1"),
                row(U, "id eq \"a\" and manager eq \"b\"", "(r.id = ? AND r.manager_id = ?)", "a", "b"),
                row(U, "id eq a and manager eq b", "(r.id = ? AND r.manager_id = ?)", "a", "b"),
                row(U, ENTERPRISE + ":manager.value eq \"b\"", "r.manager_id = ?", "b"),
                row(U, "displayName eq \"Ann\"", "r.display_name_lc = ?", "ann"),
                row(U, "active eq false", "r.active = ?", false),
                row(U, "active eq \"True\"", "r.active = ?", true),
                row(G, "displayName eq \"Sales\"", "r.display_name_lc = ?", "sales"),
                row(G, "externalId eq \"x\"", "r.external_id = ?", "x"),
                row(G, "id eq \"g\" and members eq \"u\"",
                        "(r.id = ? AND EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id"
                                + " AND gm.member_id = ?))", "g", "u"),
                row(G, "members[value eq \"u\"]",
                        "EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id AND gm.member_id = ?)", "u"),
                row(G, "members pr", "EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id)"),
                row(G, "members.display sw \"Al\"", "EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id"
                        + " AND (SELECT COALESCE(u.display_name_lc, u.user_name_lc) FROM users u"
                        + " WHERE u.id = gm.member_id) LIKE ? ESCAPE '\\')", "al%"),
                row(U, "groups.value eq \"g\"",
                        "EXISTS (SELECT 1 FROM group_members gm WHERE gm.member_id = r.id AND gm.group_id = ?)", "g"),
                row(U, "groups eq \"g\"",
                        "EXISTS (SELECT 1 FROM group_members gm WHERE gm.member_id = r.id AND gm.group_id = ?)", "g"),
                row(U, "meta.created ge \"2024-01-31T13:00:00+01:00\"", "r.created >= ?", "2024-01-31T12:00:00.000Z"),
                row(G, "meta.lastModified lt \"2024-01-31T12:00:00.5Z\"", "r.last_modified < ?",
                        "2024-01-31T12:00:00.500Z"),
                // Multi-valued attributes: any element; a value path: one and the same element.
                row(U, "emails[type eq \"work\"].value eq \"X@Y\"", EMAILS + "(lower(json_extract(e.value, ?)) = ?"
                        + " AND lower(json_extract(e.value, ?)) = ?))", "$.\"emails\"", "$.\"type\"", "work",
                        "$.\"value\"", "x@y"),
                row(U, "emails[type eq \"work\" and value co \"@x\"]", EMAILS + "(lower(json_extract(e.value, ?)) = ?"
                        + " AND lower(json_extract(e.value, ?)) LIKE ? ESCAPE '\\'))", "$.\"emails\"", "$.\"type\"",
                        "work", "$.\"value\"", "%@x%"),
                row(U, "emails.value eq \"a\" and emails.type eq \"work\"",
                        "(" + EMAILS + "lower(json_extract(e.value, ?)) = ?) AND " + EMAILS
                                + "lower(json_extract(e.value, ?)) = ?))",
                        "$.\"emails\"", "$.\"value\"", "a", "$.\"emails\"", "$.\"type\"", "work"),
                row(U, "emails eq \"a\"", EMAILS + "lower(json_extract(e.value, ?)) = ?)",
                        "$.\"emails\"", "$.\"value\"", "a"),
                row(U, "emails pr", "EXISTS (SELECT 1 FROM json_each(r.doc, ?) e)", "$.\"emails\""),
                row(U, "emails[primary eq true]", EMAILS + "json_extract(e.value, ?) = ?)",
                        "$.\"emails\"", "$.\"primary\"", true),
                row(U, "emails.value ne \"a\"", "(" + EMAILS + "lower(json_extract(e.value, ?)) = ?)) IS NOT TRUE",
                        "$.\"emails\"", "$.\"value\"", "a"),
                // Everything else is read from the JSON document; extensions under their URN.
                row(U, "title eq \"Boss\"", TITLE + " = ?", "$.\"title\"", "boss"),
                row(U, "name.familyName gt \"M\"", TITLE + " > ?", "$.\"name\".\"familyName\"", "m"),
                row(U, "name[givenName eq \"Al\"]", TITLE + " = ?", "$.\"name\".\"givenName\"", "al"),
                row(U, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"",
                        TITLE + " = ?", "$.\"" + ENTERPRISE + "\".\"department\"", "r&d"),
                row(U, "department eq \"R&D\"", TITLE + " = ?", "$.\"" + ENTERPRISE + "\".\"department\"", "r&d"),
                row(U, "name pr", "COALESCE(json_extract(r.doc, ?), '{}') NOT IN ('{}', '[]')", "$.\"name\""),
                // Substrings: LIKE with escapes when folded; instr/substr when caseExact.
                row(U, "title co \"50%_off\\\\\"", TITLE + " LIKE ? ESCAPE '\\'", "$.\"title\"", "%50\\%\\_off\\\\%"),
                row(U, "title sw \"Vi\"", TITLE + " LIKE ? ESCAPE '\\'", "$.\"title\"", "vi%"),
                row(U, "title ew \"Vi\"", TITLE + " LIKE ? ESCAPE '\\'", "$.\"title\"", "%vi"),
                row(U, "externalId co \"a%\"", "instr(r.external_id, ?) > 0", "a%"),
                row(U, "externalId sw \"ab\"", "substr(r.external_id, 1, length(?)) = ?", "ab", "ab"),
                row(U, "externalId ew \"ab\"",
                        "substr(r.external_id, length(r.external_id) - length(?) + 1) = ?", "ab", "ab"),
                // Logic: ne is not(eq); not is "IS NOT TRUE", so a missing value never matches inside it.
                row(U, "title ne \"x\"", "(" + TITLE + " = ?) IS NOT TRUE", "$.\"title\"", "x"),
                row(U, "not (title eq \"x\")", "(" + TITLE + " = ?) IS NOT TRUE", "$.\"title\"", "x"),
                row(U, "not (title pr or active eq true)",
                        "(COALESCE(" + TITLE + ", '') <> '' OR r.active = ?) IS NOT TRUE", "$.\"title\"", true),
                row(U, "userName eq \"a\" or userName eq \"b\" and title pr",
                        "(r.user_name_key = ? OR (r.user_name_key = ? AND COALESCE(" + TITLE + ", '') <> ''))",
                        "a", "b", "$.\"title\""),
                row(U, "title eq null", "(COALESCE(" + TITLE + ", '') <> '') IS NOT TRUE", "$.\"title\""),
                row(U, "title ne null", "COALESCE(" + TITLE + ", '') <> ''", "$.\"title\""),
                row(U, "userName pr", "COALESCE(r.user_name_lc, '') <> ''"),
                row(U, "active pr", "r.active IS NOT NULL"));
    }

    private static Arguments row(ResourceType type, String filter, String sql, Object... params) {
        return arguments(type, filter, sql, Arrays.asList(params));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("translations")
    void translates(ResourceType type, String filter, String sql, List<Object> params) {
        SqlWhere where = FilterSql.where(type, FilterParser.parseFilter(filter));
        assertThat(where.sql()).isEqualTo(sql);
        assertThat(where.params()).containsExactlyElementsOf(params);
    }

    /** PostgreSQL: the same SQL wherever the engines agree (columns, memberships); jsonb and strpos where not. */
    static Stream<Arguments> postgresTranslations() {
        String doc = "r.doc::jsonb";
        String emails = "jsonb_extract_path(" + doc + ", ?)";
        String eachEmail = "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + emails
                + ") = 'array' THEN " + emails + " END) e WHERE ";
        return Stream.of(
                row(U, "userName eq \"Alice@X.com\"", "r.user_name_key = ?", "alice@x.com"),
                row(U, "active eq false", "r.active = ?", false),
                row(G, "members[value eq \"u\"]",
                        "EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id AND gm.member_id = ?)", "u"),
                row(U, "title sw \"Dr\"", "lower(jsonb_extract_path_text(" + doc + ", ?)) LIKE ? ESCAPE '\\'",
                        "title", "dr%"),
                row(U, ENTERPRISE + ":department eq \"Sales\"",
                        "lower(jsonb_extract_path_text(" + doc + ", ?, ?)) = ?", ENTERPRISE, "department", "sales"),
                row(U, "externalId co \"X\"", "strpos(r.external_id, ?) > 0", "X"),
                row(U, "emails[type eq \"work\"]", eachEmail + "lower(jsonb_extract_path_text(e.value, ?)) = ?)",
                        "emails", "emails", "type", "work"),
                row(U, "emails[primary eq true]", eachEmail + "(jsonb_extract_path(e.value, ?) = 'true'::jsonb) = ?)",
                        "emails", "emails", "primary", true),
                row(U, "title pr", "COALESCE(lower(jsonb_extract_path_text(" + doc + ", ?)), '') <> ''", "title"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("postgresTranslations")
    void translatesForPostgres(ResourceType type, String filter, String sql, List<Object> params) {
        SqlWhere where = FilterSql.where(SqlDialect.POSTGRES, type, FilterParser.parseFilter(filter));
        assertThat(where.sql()).isEqualTo(sql);
        assertThat(where.params()).containsExactlyElementsOf(params);
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments(U, "password eq \"x\"", "'password' cannot be used to filter or sort."),
                arguments(U, "active gt true", "'active gt true' compares a boolean, which allows only eq and ne."),
                arguments(U, "active co \"t\"", "'active co \"t\"' compares a boolean, which allows only eq and ne."),
                arguments(U, "meta.version eq \"x\"", "'meta.version' cannot be used to filter or sort."),
                arguments(U, "name eq \"x\"", "'name' is complex; name one of its sub-attributes."),
                arguments(U, "userName eq true", "'userName eq true' needs a quoted string value."),
                arguments(U, "title co 5", "'title co 5' needs a quoted string value."),
                arguments(U, "meta.created eq \"yesterday\"",
                        "'meta.created eq \"yesterday\"' needs a dateTime value and one of eq ne gt ge lt le."),
                arguments(U, "meta.created sw \"2024\"",
                        "'meta.created sw \"2024\"' needs a dateTime value and one of eq ne gt ge lt le."),
                arguments(U, "groups.type eq \"direct\"",
                        "'type' of a membership cannot be used to filter or sort; use value or display."),
                arguments(U, "userName gt null", "'userName gt null' compares with null, which allows only eq and ne."),
                arguments(U, "title[value eq \"x\"]", "'title' has no sub-attributes to filter on."),
                arguments(U, "nope eq 1", "'nope' is not an attribute of User resources."),
                arguments(G, "userName eq \"x\"", "'userName' is not an attribute of Group resources."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rejections")
    void rejectsWhatCannotBeQueried(ResourceType type, String filter, String detail) {
        assertThatThrownBy(() -> FilterSql.where(type, FilterParser.parseFilter(filter)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }

    @Test
    void clientValuesNeverReachTheSqlText() {
        String hostile = "x' OR 1=1; DROP TABLE users; --";
        SqlWhere where = FilterSql.where(U, FilterParser.parseFilter(
                "userName eq \"" + hostile + "\" or title co \"" + hostile + "\" or externalId ew \"" + hostile + "\""));
        assertThat(where.sql()).doesNotContain("DROP").doesNotContain("1=1");
        assertThat(where.params()).contains(hostile);
    }

    /**
     * Walks every attribute of every schema: each one either translates or is refused with
     * invalidFilter, and the refused ones are exactly those the store deliberately cannot query.
     */
    @Test
    void everySchemaAttributeIsEitherMappedOrRefusedOnPurpose() {
        TreeSet<String> refused = new TreeSet<>();
        for (ResourceType type : ResourceType.values()) {
            List<ResourceSchema> schemas = new ArrayList<>(type.extensions());
            schemas.add(type.core());
            schemas.add(new ResourceSchema("common", "common", "", Schemas.COMMON));
            for (ResourceSchema schema : schemas) {
                for (AttributeDef attr : schema.attributes()) {
                    List<AttrPath> paths = new ArrayList<>();
                    String urn = schema.id().startsWith("urn:") ? schema.id() : null;
                    paths.add(new AttrPath(urn, attr.name(), null));
                    attr.subAttributes().forEach(s -> paths.add(new AttrPath(urn, attr.name(), s.name())));
                    for (AttrPath path : paths) {
                        try {
                            FilterSql.where(type, FilterParser.parseFilter(path + " pr"));
                        } catch (ScimException e) {
                            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
                            refused.add(type.resourceName() + " " + path.withoutSub().name()
                                    + (path.sub() == null ? "" : "." + path.sub()));
                        }
                    }
                }
            }
        }
        assertThat(refused).containsExactly(
                "Group members.$ref", "Group members.type", "Group meta", "Group meta.location",
                "Group meta.resourceType", "Group meta.version",
                "User groups.$ref", "User groups.type", "User meta", "User meta.location",
                "User meta.resourceType", "User meta.version", "User password");
    }
}
