package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.directory.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user is accepted only when every sign-in identity it carries is in a domain verified for the tenant. */
class DomainEnforcementTest extends ScimServiceTestBase {

    private static void expectRejectedFor(HttpJson.Response r, String domain) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.json().path("detail").asText()).contains("'" + domain + "'").contains("not verified");
    }

    @Test
    void unverifiedUserNameDomainIsRejectedNothingIsStoredAndTheLogSaysWhy() {
        expectRejectedFor(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"mallory@victim.example\"}"), "victim.example");
        assertThat(scim.get("/Users?filter=userName+eq+%22mallory@victim.example%22").json().path("totalResults").asInt()).isZero();
        List<Directory.Activity> log = directory.activity(tenantId, 5);
        assertThat(log.get(0).outcome()).isEqualTo("rejected");
        assertThat(log.get(0).operation()).isEqualTo("CREATE");
        assertThat(log.get(0).userName()).isEqualTo("mallory@victim.example");
        assertThat(log.get(0).code()).isEqualTo("scim.problem.DOMAIN_NOT_VERIFIED");
        assertThat(log.get(0).args()).containsExactly("victim.example");
    }

    @Test
    void primaryEmailElseWorkEmailMustBeVerifiedToo() {
        expectRejectedFor(scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ok@testuser.com","emails":[{"type":"work","value":"x@other.example"}]}
                """), "other.example");
        expectRejectedFor(scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ok@testuser.com","emails":[{"type":"work","value":"w@testuser.com"},{"type":"home","value":"p@personal.example","primary":true}]}
                """), "personal.example");
        // a non-primary home address is not a sign-in identity
        assertThat(scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ok@testuser.com","emails":[{"type":"work","value":"w@testuser.com"},{"type":"home","value":"h@personal.example"}]}
                """).status()).isEqualTo(201);
        // a userName that is not an e-mail address carries no domain; the work e-mail decides
        assertThat(scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"EMP-0042","emails":[{"type":"work","value":"emp42@TESTUSER.COM"}]}
                """).status()).isEqualTo(201);
    }

    @Test
    void patchOrPutToAnUnverifiedDomainIsRejectedAndChangesNothing() {
        String id = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"ann@testuser.com\",\"title\":\"A\"}").json().path("id").asText();
        expectRejectedFor(scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":"B"},{"op":"Replace","path":"userName","value":"ann@victim.example"}]}
                """), "victim.example");
        expectRejectedFor(scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"ann@victim.example"}]}
                """), "victim.example");
        expectRejectedFor(scim.put("/Users/" + id, HttpJson.USER_JSON + "\"userName\":\"ann@victim.example\"}"), "victim.example");
        JsonNode u = scim.get("/Users/" + id).json();
        assertThat(u.path("userName").asText()).isEqualTo("ann@testuser.com");
        assertThat(u.path("title").asText()).isEqualTo("A");
        assertThat(u.has("emails")).isFalse();
        assertThat(directory.activity(tenantId, 1).get(0).outcome()).isEqualTo("rejected");
    }

    @Test
    void aUserWithNoAddressAtAllIsAcceptedAndFlaggedAsUnableToSignIn() {
        HttpJson.Response r = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"EMP-0007\",\"displayName\":\"No Mail\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(directory.activity(tenantId, 1).get(0).code()).isEqualTo("activity.created.noSignIn");
        AdminApi.UserRow row = runtime.admin().users(new AdminApi.UserQuery(
                "EMP-0007", AdminApi.UserStatus.ANY, null, null, false, 1, 5)).users().get(0);
        assertThat(row.canSignIn()).isFalse();
        assertThat(runtime.admin().users(new AdminApi.UserQuery(
                null, AdminApi.UserStatus.ANY, null, null, false, 1, 5)).totalResults()).isEqualTo(1);
    }

    @Test
    void aSubdomainIsNotCoveredByItsParent() {
        expectRejectedFor(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"a@mail.testuser.com\"}"), "mail.testuser.com");
    }

    @Test
    void groupsNeedNoVerifiedDomain() {
        assertThat(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Anyone\"}").status()).isEqualTo(201);
    }
}
