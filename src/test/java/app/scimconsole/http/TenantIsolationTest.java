package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.service.SecretTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Many tenants in one database: a second tenant's URL and token never see the first tenant's users, groups,
 * domains or activity, and cannot reach them by id, filter, membership or PATCH.
 */
class TenantIsolationTest extends ScimServiceTestBase {
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Taken\"}]}";

    @Test
    void aSecondTenantSeesNothingOfTheFirst() {
        String user = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\",\"externalId\":\"A-1\"}").json()
                .path("id").asText();
        String group = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\",\"members\":[{\"value\":\"" + user + "\"}]}")
                .json().path("id").asText();

        Directory.Tenant second = directory.createTenant();
        directory.setScimEnabled(second.id(), true);
        String theirToken = SecretTokens.generate();
        directory.addToken(second.id(), SecretTokens.hash(theirToken), null);
        HttpJson them = new HttpJson(runtime.server().tenantUrl(second.id()), theirToken);

        assertThat(them.get("/Users").json().path("totalResults").asInt()).isZero();
        assertThat(them.get("/Groups").json().path("totalResults").asInt()).isZero();
        assertThat(them.get("/Users?filter=userName%20eq%20%22alice@testuser.com%22").json().path("totalResults")
                .asInt()).isZero();
        assertThat(them.get("/Users?filter=externalId%20eq%20%22A-1%22").json().path("totalResults").asInt()).isZero();
        assertThat(them.get("/Groups?filter=members%20eq%20%22" + user + "%22").json().path("totalResults").asInt())
                .isZero();
        assertThat(them.get("/Users/" + user).status()).isEqualTo(404);
        assertThat(them.get("/Groups/" + group).status()).isEqualTo(404);
        assertThat(them.patch("/Groups/" + group, PATCH).status()).isEqualTo(404);
        assertThat(them.delete("/Users/" + user).status()).isEqualTo(404);
        assertThat(them.delete("/Groups/" + group).status()).isEqualTo(404);
        // Their own group cannot take our user as a member.
        assertThat(them.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\",\"members\":[{\"value\":\"" + user + "\"}]}")
                .status()).isEqualTo(400);
        // The same display name is free in their tenant: uniqueness is per tenant.
        assertThat(them.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\"}").status()).isEqualTo(201);
        // Our verified domain is ours: they cannot provision addresses in it.
        assertThat(them.post("/Users", HttpJson.USER_JSON + "\"userName\":\"bob@testuser.com\"}").status()).isEqualTo(400);

        assertThat(runtime.domains().list(second.id())).isEmpty();
        assertThat(directory.memberCounts(second.id(), List.of(group))).containsEntry(group, 0L);
        assertThat(directory.activity(second.id(), 100)).allSatisfy(a -> assertThat(a.tenantId()).isEqualTo(second.id()));
        // Their log holds their own (refused) attempts on our ids, never our entries or our users' names.
        assertThat(directory.activity(second.id(), 100)).noneMatch(a -> "success".equals(a.outcome())
                && (user.equals(a.resourceId()) || group.equals(a.resourceId())));
        assertThat(directory.activity(second.id(), 100)).noneMatch(a -> "alice@testuser.com".equals(a.userName()));
        assertThat(directory.activity(tenantId, 100)).allSatisfy(a -> assertThat(a.tenantId()).isEqualTo(tenantId));

        // Nothing of ours changed, and our token does not open their URL.
        assertThat(scim.get("/Users/" + user).status()).isEqualTo(200);
        assertThat(scim.get("/Groups/" + group).json().path("displayName").asText()).isEqualTo("Staff");
        assertThat(new HttpJson(runtime.server().tenantUrl(second.id()), token).get("/Users").status()).isEqualTo(401);
    }
}
