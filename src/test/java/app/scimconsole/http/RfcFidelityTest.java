package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 7–13: every body answered as RFC 7643/7644 say, and the tolerances Microsoft's reference
 * implementation relies on, over real HTTP against the real service.
 */
class RfcFidelityTest extends ScimServiceTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String user(String userName, String displayName) {
        HttpJson.Response r = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + userName
                + "\",\"displayName\":\"" + displayName + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + userName
                + "\"},{\"type\":\"home\",\"value\":\"home@testuser.com\"}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private String group(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        HttpJson.Response r = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"" + displayName
                + "\",\"members\":[" + members + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private static String patch(String operations) {
        return HttpJson.PATCH_JSON + "\"Operations\":" + operations + "}";
    }

    private static void expectError(HttpJson.Response r, String scimType) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).as(r.text()).isEqualTo(scimType);
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    private static JsonNode attributeNamed(JsonNode attributes, String name) {
        for (JsonNode a : attributes) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + attributes);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- 7. PUT answers with the entire resource ------------------------------------------------------------

    @Test
    void putOfAGroupAnswersWithItsMembers() {
        String ann = user("ann@testuser.com", "Ann");
        String bob = user("bob@testuser.com", "Bob");
        String gid = group("Team", ann);

        HttpJson.Response replaced = scim.put("/Groups/" + gid, HttpJson.GROUP_JSON
                + "\"displayName\":\"Team 2\",\"members\":[{\"value\":\"" + ann + "\"},{\"value\":\"" + bob + "\"}]}");
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        JsonNode members = replaced.json().path("members");
        assertThat(members.findValuesAsText("value")).containsExactlyInAnyOrder(ann, bob);
        assertThat(members.findValuesAsText("display")).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(members.findValuesAsText("$ref")).contains(tenantUrl + "/Users/" + bob);
        assertThat(replaced.json()).isEqualTo(scim.get("/Groups/" + gid).json());

        // A PUT without members keeps them (RFC 7644 §3.5.1 lets the service keep what is not asserted): still shown.
        HttpJson.Response renamed = scim.put("/Groups/" + gid, HttpJson.GROUP_JSON + "\"displayName\":\"Team 3\"}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().path("members").findValuesAsText("value")).containsExactlyInAnyOrder(ann, bob);
        HttpJson.Response unchanged = scim.put("/Groups/" + gid, HttpJson.GROUP_JSON + "\"displayName\":\"Team 3\"}");
        assertThat(unchanged.json().path("members")).hasSize(2);
        assertThat(unchanged.header("ETag")).isEqualTo(renamed.header("ETag"));
    }

    // ---- 8. manager.$ref --------------------------------------------------------------------------------------

    @Test
    void managerRefIsMadeFromItsValueAsMembersRefsAre() {
        String boss = user("boss@testuser.com", "Boss");
        HttpJson.Response created = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                + ENTERPRISE + "\"],\"userName\":\"emp@testuser.com\",\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\""
                + boss + "\",\"$ref\":\"https://entra.example/Users/" + boss + "\"}}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String ref = tenantUrl + "/Users/" + boss;
        assertThat(created.json().path(ENTERPRISE).path("manager").path("$ref").asText()).isEqualTo(ref);
        String id = created.json().path("id").asText();
        assertThat(scim.get("/Users/" + id).json().path(ENTERPRISE).path("manager").path("$ref").asText()).isEqualTo(ref);
        assertThat(scim.get("/Users/" + id + "?attributes=" + enc(ENTERPRISE + ":manager.$ref")).json()
                .path(ENTERPRISE).path("manager").toString()).isEqualTo("{\"$ref\":\"" + ref + "\"}");
        JsonNode manager = attributeNamed(scim.get("/Schemas/" + ENTERPRISE).json().path("attributes"), "manager");
        assertThat(attributeNamed(manager.path("subAttributes"), "$ref").path("mutability").asText())
                .isEqualTo("readOnly");
    }

    // ---- 9. nested groups: not offered ----------------------------------------------------------------------

    @Test
    void aGroupIsNeitherAdvertisedNorAcceptedAsAMember() {
        JsonNode members = attributeNamed(scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").json()
                .path("attributes"), "members");
        assertThat(members.toString()).doesNotContain("\"Group\"");

        String inner = group("Inner");
        String outer = group("Outer");
        HttpJson.Response r = scim.patch("/Groups/" + outer, patch(
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + inner + "\",\"type\":\"Group\"}]}]"));
        expectError(r, "invalidValue");
        assertThat(scim.get("/Groups/" + outer).json().path("members")).isEmpty();
    }

    // ---- 10. shapes RFC 7644 requires -----------------------------------------------------------------------

    @Test
    void aPatchNeedsThePatchOpSchemaAndOneOrMoreOperations() {
        String id = user("p@testuser.com", "P");
        String op = "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}]";
        expectError(scim.patch("/Users/" + id, "{\"Operations\":" + op + "}"), "invalidSyntax");
        expectError(scim.patch("/Users/" + id, HttpJson.USER_JSON + "\"Operations\":" + op + "}"), "invalidSyntax");
        expectError(scim.patch("/Users/" + id, "{\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:PatchOp\","
                + "\"Operations\":" + op + "}"), "invalidSyntax");
        expectError(scim.patch("/Users/" + id, patch("[]")), "invalidSyntax");
        expectError(scim.patch("/Groups/" + group("G"), patch("[]")), "invalidSyntax");
        assertThat(scim.get("/Users/" + id).json().has("title")).isFalse();
        assertThat(scim.patch("/Users/" + id, patch(op)).status()).isEqualTo(200);
    }

    @Test
    void aResourceNamesItsOwnCoreSchemaInAList() {
        expectError(scim.post("/Users", "{\"userName\":\"s1@testuser.com\"}"), "invalidSyntax");
        expectError(scim.post("/Users", "{\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"userName\":\"s2@testuser.com\"}"), "invalidSyntax");
        expectError(scim.post("/Users", HttpJson.GROUP_JSON + "\"userName\":\"s3@testuser.com\",\"displayName\":\"S\"}"),
                "invalidSyntax");
        expectError(scim.post("/Groups", HttpJson.USER_JSON + "\"displayName\":\"Users are no groups\"}"),
                "invalidSyntax");
        String id = user("s4@testuser.com", "S4");
        expectError(scim.put("/Users/" + id, "{\"userName\":\"s4@testuser.com\",\"title\":\"T\"}"), "invalidSyntax");
        assertThat(scim.get("/Users?filter=" + enc("userName sw \"s\"")).json().path("totalResults").asInt())
                .isEqualTo(1);
        assertThat(scim.get("/Groups").json().path("totalResults").asInt()).isZero();
        assertThat(scim.get("/Users/" + id).json().has("title")).isFalse();
    }

    @Test
    void aNumberWhereAStringIsDefinedIsInvalidValue() {
        expectError(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"n@testuser.com\",\"externalId\":42}"),
                "invalidValue");
        String id = user("n2@testuser.com", "N");
        expectError(scim.patch("/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE
                + ":employeeNumber\",\"value\":7}]")), "invalidValue");
        expectError(scim.patch("/Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"title\":1.5}}]")),
                "invalidValue");
        assertThat(scim.get("/Users/" + id).json().has(ENTERPRISE)).isFalse();
        assertThat(scim.get("/Users?filter=" + enc("userName eq \"n@testuser.com\"")).json().path("totalResults")
                .asInt()).isZero();
    }

    // ---- 11. a whole extension URN as PATCH path --------------------------------------------------------------

    @Test
    void aPatchPathThatIsAnExtensionUrnMergesIntoItOrClearsIt() {
        String id = user("x@testuser.com", "X");
        HttpJson.Response added = scim.patch("/Users/" + id, patch("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE
                + "\",\"value\":{\"department\":\"Sales\",\"costCenter\":\"42\"}}]"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.json().path("schemas").toString()).contains(ENTERPRISE);
        HttpJson.Response replaced = scim.patch("/Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\""
                + ENTERPRISE.toUpperCase(java.util.Locale.ROOT) + "\",\"value\":{\"department\":\"Ops\"}}]"));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        JsonNode ext = scim.get("/Users/" + id).json().path(ENTERPRISE);
        assertThat(ext.path("department").asText()).isEqualTo("Ops");
        assertThat(ext.path("costCenter").asText()).isEqualTo("42");

        assertThat(scim.patch("/Users/" + id, patch("[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}]"))
                .status()).isEqualTo(200);
        JsonNode after = scim.get("/Users/" + id).json();
        assertThat(after.has(ENTERPRISE)).isFalse();
        assertThat(after.path("schemas").toString()).doesNotContain(ENTERPRISE);
        assertThat(after.path("displayName").asText()).isEqualTo("X");
    }

    // ---- 12. POST /.search at the tenant root ---------------------------------------------------------------

    @Test
    void searchAtTheRootSpansUsersAndGroups() {
        String ann = user("ann@testuser.com", "Sales Ann");
        user("bob@testuser.com", "Bob");
        String sales = group("Sales", ann);
        group("Support");

        JsonNode all = rootSearch("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}");
        assertThat(all.path("totalResults").asInt()).isEqualTo(4);
        assertThat(all.path("Resources").findValuesAsText("resourceType")).containsExactly("User", "User", "Group",
                "Group");

        JsonNode named = rootSearch("{\"filter\":\"displayName sw \\\"Sales\\\"\",\"attributes\":[\"displayName\"]}");
        assertThat(named.path("totalResults").asInt()).isEqualTo(2);
        assertThat(named.path("Resources").findValuesAsText("id")).containsExactly(ann, sales);
        assertThat(named.path("Resources").get(1).has("members")).isFalse();

        JsonNode eitherName = rootSearch("{\"filter\":\"userName eq \\\"bob@testuser.com\\\" or displayName eq "
                + "\\\"Support\\\"\",\"attributes\":\"displayName\"}");
        assertThat(eitherName.path("Resources").findValuesAsText("displayName")).containsExactly("Bob", "Support");

        JsonNode page = rootSearch("{\"startIndex\":2,\"count\":2}");
        assertThat(page.path("totalResults").asInt()).isEqualTo(4);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.path("Resources").findValuesAsText("displayName")).containsExactly("Bob", "Sales");
        assertThat(rootSearch("{\"startIndex\":4,\"count\":5}").path("Resources").findValuesAsText("displayName"))
                .containsExactly("Support");
        JsonNode totalOnly = rootSearch("{\"count\":0}");
        assertThat(totalOnly.path("totalResults").asInt()).isEqualTo(4);
        assertThat(totalOnly.path("Resources")).isEmpty();

        expectError(scim.post("/.search", "{\"filter\":\"shoeSize eq 42\"}"), "invalidFilter");
        expectError(scim.post("/.search", "{\"sortBy\":\"displayName\"}"), "invalidValue");
        expectError(scim.post("/.search", "[]"), "invalidSyntax");
        assertThat(scim.get("/.search").status()).isEqualTo(405);
    }

    private JsonNode rootSearch(String body) {
        HttpJson.Response r = scim.post("/.search", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        return r.json();
    }

    // ---- 13. what Microsoft's reference implementation sends ------------------------------------------------

    @Test
    void anUnquotedDateTimeInAFilterIsADateTime() {
        user("d@testuser.com", "D");
        assertThat(total("/Users?filter=" + enc("meta.created gt 2015-10-10T14:38:21Z"))).isEqualTo(1);
        // exactly as the reference implementation's test collection writes it
        assertThat(total("/Users?filter=" + enc("meta.Created gt 2015-10-10T14:38:21.8617979-07:00"))).isEqualTo(1);
        assertThat(total("/Users?filter=" + enc("meta.created lt 2015-10-10T14:38:21Z"))).isZero();
        assertThat(total("/Users?filter=" + enc("meta.lastModified ge 2015-10-10T23:38:21.5+09:00 and userName pr")))
                .isEqualTo(1);
        expectError(scim.get("/Users?filter=" + enc("meta.created gt 2015-10-10")), "invalidFilter");
    }

    private int total(String path) {
        HttpJson.Response r = scim.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("totalResults").asInt();
    }

    @Test
    void aValueFilterInAttributesReturnsTheElementsItSelects() {
        String id = user("v@testuser.com", "V");
        JsonNode u = scim.get("/Users/" + id + "?attributes=" + enc("emails[type eq \"work\"]")).json();
        assertThat(u.path("emails")).hasSize(1);
        assertThat(u.path("emails").get(0).path("value").asText()).isEqualTo("v@testuser.com");
        assertThat(u.has("userName")).isFalse();
        JsonNode listed = scim.get("/Users?attributes=" + enc("emails[type eq \"home\"].value")).json()
                .path("Resources").get(0);
        assertThat(listed.path("emails").toString()).isEqualTo("[{\"value\":\"home@testuser.com\"}]");
        expectError(scim.get("/Users?attributes=" + enc("emails[type eq")), "invalidPath");
    }

    @Test
    void eachMemberShowsTheMembersCurrentDisplayName() {
        String ann = user("ann@testuser.com", "Ann");
        String gid = group("Readers", ann);
        assertThat(scim.get("/Groups/" + gid).json().path("members").get(0).path("display").asText())
                .isEqualTo("Ann");
        assertThat(scim.patch("/Users/" + ann, patch("[{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"Ann Smith\"}]")).status()).isEqualTo(200);
        for (JsonNode g : List.of(scim.get("/Groups/" + gid).json(),
                scim.get("/Groups?filter=" + enc("displayName eq \"Readers\"")).json().path("Resources").get(0))) {
            assertThat(g.path("members").get(0).path("display").asText()).isEqualTo("Ann Smith");
        }
    }
}
