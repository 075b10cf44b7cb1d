package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's published SCIM request/response examples (research note entra-scim.md §B), replayed over real
 * HTTP against the real service, with what a later GET returns.
 */
class EntraReplayTest extends ScimServiceTestBase {

    static final String B1_CREATE_USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee","active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],"meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[]}
            """;

    static final String B9_CREATE_GROUP = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName","meta":{"resourceType":"Group"}}
            """;

    @Test
    void testConnectionProbeWithRandomGuidIsAnEmptyList() {
        HttpJson.Response r = scim.get("/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        JsonNode body = r.json();
        assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(body.path("totalResults").asInt()).isZero();
        assertThat(body.path("Resources").isArray()).isTrue();
        assertThat(body.path("Resources")).isEmpty();
        assertThat(body.path("startIndex").asInt()).isEqualTo(1);
        assertThat(body.has("itemsPerPage")).isTrue();
    }

    @Test
    void groupProbeWithExcludedMembersIsAnEmptyList() {
        HttpJson.Response r = scim.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22" + UUID.randomUUID() + "%22");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isZero();
    }

    @Test
    void b1CreateUserAnswers201WithTheResourceAndLocation() {
        HttpJson.Response r = scim.post("/Users", B1_CREATE_USER);
        assertThat(r.status()).isEqualTo(201);
        JsonNode u = r.json();
        String id = u.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(r.header("Location")).isEqualTo(tenantUrl + "/Users/" + id);
        assertThat(u.path("meta").path("location").asText()).isEqualTo(r.header("Location"));
        assertThat(u.path("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(u.path("userName").asText()).isEqualTo("Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee");
        assertThat(u.path("active").asBoolean()).isTrue();
        assertThat(u.path("name").path("familyName").asText()).isEqualTo("familyName");
        assertThat(u.path("emails").get(0).path("value").asText()).isEqualTo("Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com");
        assertThat(u.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(u.path("meta").path("created").asText()).endsWith("Z");
        assertThat(u.path("meta").path("lastModified").asText()).endsWith("Z");
        assertThat(r.header("ETag")).isEqualTo(u.path("meta").path("version").asText());
        assertThat(u.has("password")).isFalse();
        assertThat(u.toString()).doesNotContain("null");
    }

    @Test
    void b2GetUserByIdAndUnknownIdIs404WithErrorBody() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.get("/Users/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo(id);

        HttpJson.Response missing = scim.get("/Users/5171a35d82074e068ce2");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(missing.json().path("status").isTextual()).isTrue();
        assertThat(missing.json().path("status").asText()).isEqualTo("404");
        assertThat(missing.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void b3GetUserByQueryFindsItIgnoringCase() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.get("/Users?filter=userName%20eq%20%22test_user_00AA00AA-bb11-cc22-dd33-44ee44ee44ee%22");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void b4QueryWithZeroResults() {
        HttpJson.Response r = scim.get("/Users?filter=userName+eq+%22non-existent+user%22");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isZero();
        assertThat(r.json().path("Resources")).isEmpty();
    }

    @Test
    void b5UpdateMultiValuedWorkEmailAndFamilyName() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@testuser.com"},{"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}
                """);
        assertThat(r.status()).isEqualTo(200);
        JsonNode u = scim.get("/Users/" + id).json();
        assertThat(u.path("emails")).hasSize(1);
        assertThat(u.path("emails").get(0).path("value").asText()).isEqualTo("updatedEmail@testuser.com");
        assertThat(u.path("emails").get(0).path("type").asText()).isEqualTo("work");
        assertThat(u.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(u.path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(u.path("name").path("givenName").asText()).isEqualTo("givenName");
    }

    @Test
    void b6UpdateUserNameKeepsTheId() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"userName","value":"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"}]}
                """);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo(id);
        assertThat(scim.get("/Users/" + id).json().path("userName").asText()).isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
    }

    @Test
    void b7DisableUserWithBooleanAndWithEntraStrings() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.patch("/Users/" + id, """
                {"Operations":[{"op":"Replace","path":"active","value":false}],"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}
                """);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("active").asBoolean(true)).isFalse();
        assertThat(scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"True"}]}
                """).status()).isEqualTo(200);
        assertThat(scim.get("/Users/" + id).json().path("active").asBoolean()).isTrue();
        assertThat(scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
                """).status()).isEqualTo(200);
        JsonNode suspended = scim.get("/Users/" + id).json();
        assertThat(suspended.path("active").asBoolean(true)).isFalse();
        // a suspended user is still findable by Entra's lookup
        assertThat(scim.get("/Users?filter=userName+eq+%22Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee%22")
                .json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void b8DeleteUserThen404() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.delete("/Users/" + id);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.text()).isEmpty();
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
    }

    @Test
    void b9CreateGroupWithUnknownMicrosoftSchema() {
        HttpJson.Response r = scim.post("/Groups", B9_CREATE_GROUP);
        assertThat(r.status()).isEqualTo(201);
        JsonNode g = r.json();
        assertThat(g.path("schemas")).hasSize(1);
        assertThat(g.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(g.path("id").asText()).isNotBlank();
        assertThat(g.path("externalId").asText()).isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        assertThat(g.path("displayName").asText()).isEqualTo("displayName");
        // a group is always created empty; Entra accepts "members": [] or no members at all
        assertThat(g.path("members")).isEmpty();
        assertThat(g.path("meta").path("resourceType").asText()).isEqualTo("Group");
    }

    @Test
    void b10AndB11GroupReadsWithoutMembers() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        String uid = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        scim.patch("/Groups/" + gid, memberOp("Add", uid));

        JsonNode g = scim.get("/Groups/" + gid + "?excludedAttributes=members").json();
        assertThat(g.path("id").asText()).isEqualTo(gid);
        assertThat(g.has("members")).isFalse();
        assertThat(g.path("displayName").asText()).isEqualTo("displayName");

        JsonNode list = scim.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22displayName%22").json();
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).has("members")).isFalse();

        JsonNode full = scim.get("/Groups/" + gid).json();
        assertThat(full.path("members")).hasSize(1);
        assertThat(full.path("members").get(0).path("value").asText()).isEqualTo(uid);
    }

    @Test
    void b12UpdateGroupDisplayNameIs204() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        HttpJson.Response r = scim.patch("/Groups/" + gid, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"}]}
                """);
        assertThat(r.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("displayName").asText())
                .isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    }

    @Test
    void b13AndB14AddAndRemoveMembersWithNullRef() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        String uid = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        assertThat(scim.patch("/Groups/" + gid, memberOp("Add", uid)).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).hasSize(1);
        JsonNode user = scim.get("/Users/" + uid).json();
        assertThat(user.path("groups")).hasSize(1);
        assertThat(user.path("groups").get(0).path("value").asText()).isEqualTo(gid);
        assertThat(user.path("groups").get(0).path("display").asText()).isEqualTo("displayName");
        // adding an existing member again is a no-op, not an error
        assertThat(scim.patch("/Groups/" + gid, memberOp("Add", uid)).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).hasSize(1);

        assertThat(scim.patch("/Groups/" + gid, memberOp("Remove", uid)).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).json().path("members")).isEmpty();
        assertThat(scim.get("/Users/" + uid).json().has("groups")).isFalse();
    }

    @Test
    void b15DeleteGroup() {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        assertThat(scim.delete("/Groups/" + gid).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + gid).status()).isEqualTo(404);
    }

    @Test
    void b16DiscoverSchemas() {
        HttpJson.Response r = scim.get("/Schemas");
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.path("totalResults").asInt()).isEqualTo(3);
        assertThat(list.path("Resources").findValuesAsText("id")).contains(
                "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        JsonNode user = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
        assertThat(user.path("description").asText()).isEqualTo("User Account");
        assertThat(user.path("attributes").findValuesAsText("name")).contains("userName", "active", "emails");
        assertThat(scim.post("/Schemas", "{}").status()).isEqualTo(405);
        assertThat(scim.post("/ServiceProviderConfig", "{}").status()).isEqualTo(405);
        assertThat(scim.post("/ResourceTypes", "{}").status()).isEqualTo(405);
    }

    static String memberOp(String op, String userId) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"%s","path":"members","value":[{"$ref":null,"value":"%s"}]}]}
                """.formatted(op, userId);
    }
}
