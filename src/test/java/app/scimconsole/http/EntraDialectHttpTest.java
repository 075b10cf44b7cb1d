package app.scimconsole.http;

import static app.scimconsole.http.EntraReplayTest.B1_CREATE_USER;
import static app.scimconsole.http.EntraReplayTest.B9_CREATE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every Entra dialect case of entra-scim.md §A4–A5 and §C6, over real HTTP, checked by a later GET. */
class EntraDialectHttpTest extends ScimServiceTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String createUser() {
        return scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
    }

    private JsonNode patchThenGet(String id, String ops) {
        HttpJson.Response r = scim.patch("/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + ops + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return scim.get("/Users/" + id).json();
    }

    @Test
    void addOnSingleValuedAttributeReplacesIt() {
        String id = createUser();
        JsonNode u = patchThenGet(id, "[{\"op\":\"Add\",\"path\":\"nickName\",\"value\":\"Babs\"}]");
        assertThat(u.path("nickName").asText()).isEqualTo("Babs");
        u = patchThenGet(id, "[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Barbara\"}]");
        assertThat(u.path("nickName").asText()).isEqualTo("Barbara");
    }

    @Test
    void addOnActiveWithStringBooleanInAnyCase() {
        String id = createUser();
        assertThat(patchThenGet(id, "[{\"op\":\"Add\",\"path\":\"active\",\"value\":\"false\"}]").path("active").asBoolean(true)).isFalse();
        assertThat(patchThenGet(id, "[{\"op\":\"REPLACE\",\"path\":\"active\",\"value\":\"TRUE\"}]").path("active").asBoolean()).isTrue();
    }

    @Test
    void aBooleanThatIsNotABooleanIsRejectedAndNothingChanges() {
        String id = createUser();
        HttpJson.Response r = scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"Changed"},{"op":"Replace","path":"active","value":"maybe"}]}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(scim.get("/Users/" + id).json().has("displayName")).isFalse();
    }

    @Test
    void filteredPathCreatesTheMissingWorkEmailAndPhone() {
        String id = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nomail@testuser.com","active":true}
                """).json().path("id").asText();
        JsonNode u = patchThenGet(id, """
                [{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"nomail@testuser.com"},
                 {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+81 90 0000 0000"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Tokyo"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].country","value":"JP"}]
                """);
        assertThat(u.path("emails")).hasSize(1);
        assertThat(u.path("emails").get(0).path("type").asText()).isEqualTo("work");
        assertThat(u.path("emails").get(0).path("value").asText()).isEqualTo("nomail@testuser.com");
        assertThat(u.path("phoneNumbers").get(0).path("type").asText()).isEqualTo("mobile");
        assertThat(u.path("addresses")).hasSize(1);
        assertThat(u.path("addresses").get(0).path("locality").asText()).isEqualTo("Tokyo");
        assertThat(u.path("addresses").get(0).path("country").asText()).isEqualTo("JP");
    }

    @Test
    void enterpriseAttributesByFullUrnPath() {
        String id = createUser();
        JsonNode u = patchThenGet(id, """
                [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"E-42"},
                 {"op":"Replace","path":"title","value":"Manager"}]
                """);
        assertThat(u.path(ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(u.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E-42");
        assertThat(u.path("title").asText()).isEqualTo("Manager");
        assertThat(u.path("schemas").toString()).contains(ENTERPRISE);
    }

    @Test
    void pathlessReplaceWithDottedAndUrnKeys() {
        String id = createUser();
        JsonNode u = patchThenGet(id, """
                [{"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]
                """);
        assertThat(u.path("displayName").asText()).isEqualTo("Bjfe");
        assertThat(u.path("name").path("givenName").asText()).isEqualTo("Kkom");
        assertThat(u.path("name").path("familyName").asText()).isEqualTo("Unua");
        assertThat(u.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("Aklq");
    }

    @Test
    void managerAsStringObjectOrArrayIsReturnedAsObjectAndFindable() {
        String id = createUser();
        String boss = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"boss@testuser.com\"}").json().path("id").asText();
        JsonNode u = patchThenGet(id, "[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"" + boss + "\"}]");
        assertThat(u.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(boss);
        u = patchThenGet(id, "[{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":\"http://x/Users/" + boss + "\",\"value\":\"" + boss + "\"}]}]");
        assertThat(u.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(boss);
        u = patchThenGet(id, "[{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":{\"value\":\"" + boss + "\"}}]");
        assertThat(u.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(boss);

        JsonNode found = scim.get("/Users?filter=id+eq+%22" + id + "%22+and+manager+eq+%22" + boss + "%22&attributes=id").json();
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(found.path("Resources").get(0).has("userName")).isFalse();

        u = patchThenGet(id, "[{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"\"}]");
        assertThat(u.path(ENTERPRISE).has("manager")).isFalse();
    }

    @Test
    void emptyStringAndNullClearAttributes() {
        String id = createUser();
        patchThenGet(id, "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Engineer\"},{\"op\":\"Replace\",\"path\":\"nickName\",\"value\":\"N\"}]");
        JsonNode u = patchThenGet(id, "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"\"},{\"op\":\"Replace\",\"path\":\"nickName\",\"value\":null}]");
        assertThat(u.has("title")).isFalse();
        assertThat(u.has("nickName")).isFalse();
    }

    @Test
    void legacyExample2CreateWithNullsAndTopLevelEnterpriseKeys() {
        HttpJson.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],"externalId":"jyoung","userName":"jyoung@testuser.com","active":true,"addresses":null,"displayName":"Joy Young","emails":[{"type":"work","value":"jyoung@testuser.com","primary":true}],"meta":{"resourceType":"User"},"name":{"familyName":"Young","givenName":"Joy"},"phoneNumbers":null,"preferredLanguage":null,"title":null,"department":null,"manager":null}
                """);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().has("addresses")).isFalse();
        assertThat(r.json().toString()).doesNotContain("null");
        // and Entra's oldest unquoted filter form finds it
        assertThat(scim.get("/Users?filter=externalId+eq+jyoung").json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void workEmailMatchingFilter() {
        createUser();
        JsonNode r = scim.get("/Users?filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22test_user_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@TESTUSER.com%22").json();
        assertThat(r.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void memberRemoveByFilterPathAndRemoveAllAndMembershipQuery() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        String a = createUser();
        String b = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"b@testuser.com\"}").json().path("id").asText();
        String c = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"c@testuser.com\"}").json().path("id").asText();
        HttpJson.Response add = scim.patch("/Groups/" + gid, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]},
                 {"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}
                """.formatted(a, b, c));
        assertThat(add.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).hasSize(3);

        JsonNode q = scim.get("/Groups?filter=id+eq+%22" + gid + "%22+and+members+eq+%22" + b + "%22&attributes=id").json();
        assertThat(q.path("totalResults").asInt()).isEqualTo(1);

        assertThat(scim.patch("/Groups/" + gid, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}
                """.formatted(b)).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members").findValuesAsText("value")).containsExactlyInAnyOrder(a, c);
        assertThat(scim.get("/Groups?filter=id+eq+%22" + gid + "%22+and+members+eq+%22" + b + "%22&attributes=id")
                .json().path("totalResults").asInt()).isZero();

        assertThat(scim.patch("/Groups/" + gid, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\"}]}").status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).isEmpty();
    }

    @Test
    void deletingAUserRemovesItsMemberships() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        String uid = createUser();
        scim.patch("/Groups/" + gid, EntraReplayTest.memberOp("Add", uid));
        assertThat(scim.delete("/Users/" + uid).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).isEmpty();
    }

    @Test
    void jsonContentTypeAndUnknownQueryParametersAreAccepted() {
        HttpJson.Response r = scim.send("POST", "/Users?aadOptscim062020", HttpJson.USER_JSON + "\"userName\":\"plain@testuser.com\"}",
                "Content-Type", "application/json; charset=utf-8");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(scim.get("/Users?aadOptscim062020&filter=userName+eq+%22plain@testuser.com%22").json()
                .path("totalResults").asInt()).isEqualTo(1);
    }
}
