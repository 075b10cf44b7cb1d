package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.group;
import static app.scimconsole.directory.Docs.json;
import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queries Entra sends (and the rest of the filter language) against a real SQLite file. */
class EntraQueriesTest extends OneTenantDirectoryTest {
    private StoredResource alice;
    private StoredResource bob;
    private StoredResource carol;
    private StoredResource sales;

    @BeforeEach
    void fill() {
        alice = create(json("{'userName':'Alice@Contoso.com','externalId':'ext-A','displayName':'Alice Ärger',"
                + "'title':'Head of 50% Sales_Ops','emails':[{'type':'work','value':'alice@contoso.com','primary':true},"
                + "{'type':'home','value':'alice@home.example'}]}"));
        bob = create(json("{'userName':'bob@contoso.com','externalId':'EXT-B','active':false,'title':'',"
                + "'emails':[{'type':'home','value':'bob@contoso.com'}],"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'department':'R&D',"
                + "'manager':{'value':'" + alice.id() + "'}}}"));
        carol = create(json("{'userName':'carol@contoso.com','title':'Head of 50 Sales','emails':[]}"));
        sales = directory.create(tenant, ResourceType.GROUP, group("Sales Team"), List.of(alice.id(), bob.id()));
        directory.create(tenant, ResourceType.GROUP, group("Empty"), List.of());
        // a look-alike in another tenant must never show up
        String other = directory.createTenant().id();
        directory.create(other, ResourceType.USER, user("alice@contoso.com"), List.of());
    }

    private StoredResource create(com.fasterxml.jackson.databind.node.ObjectNode doc) {
        return directory.create(tenant, ResourceType.USER, doc, List.of());
    }

    private List<String> users(String filter) {
        return ids(ResourceType.USER, filter);
    }

    private List<String> ids(ResourceType type, String filter) {
        Page page = directory.query(tenant, type, new Query(FilterParser.parseFilter(filter), null, false, 1, 100, false));
        assertThat(page.totalResults()).isEqualTo(page.resources().size());
        return page.resources().stream().map(StoredResource::id).toList();
    }

    @Test
    void entraLookups() {
        assertThat(users("userName eq \"ALICE@contoso.COM\"")).containsExactly(alice.id());
        assertThat(users("externalId eq \"ext-A\"")).containsExactly(alice.id());
        assertThat(users("externalId eq \"EXT-A\"")).as("externalId is caseExact").isEmpty();
        assertThat(users("id eq \"" + bob.id() + "\" and manager eq \"" + alice.id() + "\"")).containsExactly(bob.id());
        assertThat(users("id eq \"" + carol.id() + "\" and manager eq \"" + alice.id() + "\"")).isEmpty();
        assertThat(users("emails[type eq \"work\"].value eq \"ALICE@contoso.com\"")).containsExactly(alice.id());
        assertThat(users("emails[type eq \"work\"].value eq \"bob@contoso.com\""))
                .as("the work type and the value must be on the same element").isEmpty();
        assertThat(ids(ResourceType.GROUP, "displayName eq \"sales team\"")).containsExactly(sales.id());
        assertThat(ids(ResourceType.GROUP, "id eq \"" + sales.id() + "\" and members eq \"" + bob.id() + "\""))
                .containsExactly(sales.id());
        assertThat(ids(ResourceType.GROUP, "id eq \"" + sales.id() + "\" and members eq \"" + carol.id() + "\""))
                .isEmpty();
    }

    @Test
    void substringsTreatPercentAndUnderscoreLiterally() {
        assertThat(users("title co \"50%\"")).containsExactly(alice.id());
        assertThat(users("title co \"s_o\"")).containsExactly(alice.id());
        assertThat(users("title sw \"head of 50\"")).containsExactlyInAnyOrder(alice.id(), carol.id());
        assertThat(users("title ew \"_OPS\"")).containsExactly(alice.id());
        assertThat(users("externalId sw \"EXT\"")).containsExactly(bob.id());
        assertThat(users("externalId ew \"-A\"")).containsExactly(alice.id());
        assertThat(users("externalId co \"xt-\"")).containsExactly(alice.id());
        assertThat(users("externalId co \"XT\"")).containsExactly(bob.id());
    }

    @Test
    void caseFoldingCoversNonAsciiLetters() {
        assertThat(users("displayName eq \"alice ärger\"")).containsExactly(alice.id());
        assertThat(users("displayName co \"ÄRG\"")).containsExactly(alice.id());
    }

    @Test
    void logicPresenceAndNegation() {
        assertThat(users("title pr")).containsExactlyInAnyOrder(alice.id(), carol.id());
        assertThat(users("not (title pr)")).containsExactly(bob.id());
        assertThat(users("emails pr")).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(users("externalId pr")).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(users("externalId ne \"ext-A\"")).as("missing values are 'not equal'")
                .containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(users("not (department eq \"r&d\")")).containsExactlyInAnyOrder(alice.id(), carol.id());
        assertThat(users("department eq \"r&d\"")).containsExactly(bob.id());
        assertThat(users("active eq false or userName sw \"carol\"")).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(users("active eq true and not (emails[type eq \"home\"])")).containsExactly(carol.id());
        assertThat(users("emails[primary eq true]")).containsExactly(alice.id());
        assertThat(users("groups eq \"" + sales.id() + "\"")).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(ids(ResourceType.GROUP, "members.display sw \"alice\"")).containsExactly(sales.id());
        assertThat(ids(ResourceType.GROUP, "not (members pr)")).hasSize(1).doesNotContain(sales.id());
        assertThat(users("meta.created gt \"2000-01-01T00:00:00Z\"")).hasSize(3);
    }

    /** Entra's lookups must be searches of the index on the looked-up column, not a walk of the tenant. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "U | userName eq \"x\"                    | USING INDEX users_by_user_name_key (tenant_id=? AND user_name_key=?)",
            "U | externalId eq \"x\"                  | USING INDEX users_by_external_id (tenant_id=? AND external_id=?)",
            "U | id eq \"x\"                          | (id=?)",
            "U | id eq \"x\" and manager eq \"y\"     | (id=?)",
            "U | manager eq \"y\"                     | USING INDEX users_by_manager (tenant_id=? AND manager_id=?)",
            "G | displayName eq \"x\"                 | USING INDEX groups_by_display_name (tenant_id=? AND display_name_lc=?)",
            "G | externalId eq \"x\"                  | USING INDEX groups_by_external_id (tenant_id=? AND external_id=?)",
            "G | id eq \"g\" and members eq \"u\"     | (id=?)"})
    void entraLookupsUseAnIndex(String type, String filter, String search) throws Exception {
        assertThat(plan(type + " " + filter)).anySatisfy(step -> assertThat(step).startsWith("SEARCH r ")
                .endsWith(search)).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
    }

    @Test
    void theIndexCheckCanFail() throws Exception {
        // Only the tenant prefix of some index: every row of the tenant is read, which the lookups' checks reject.
        assertThat(plan("U title eq \"x\"")).singleElement().asString()
                .matches("SEARCH r USING (COVERING )?INDEX \\w+ \\(tenant_id=\\?\\)");
    }

    private List<String> plan(String row) throws Exception {
        ResourceType type = row.startsWith("U") ? ResourceType.USER : ResourceType.GROUP;
        SqlWhere where = FilterSql.where(type, FilterParser.parseFilter(row.substring(2)));
        String sql = "EXPLAIN QUERY PLAN SELECT r.id FROM " + (type == ResourceType.USER ? "users" : "groups")
                + " r WHERE r.tenant_id = ? AND (" + where.sql() + ")";
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME));
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            for (int i = 0; i < where.params().size(); i++) {
                ps.setObject(i + 2, where.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        return plan;
    }
}
