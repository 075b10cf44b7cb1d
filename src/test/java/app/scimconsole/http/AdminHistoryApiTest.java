package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The admin API's attribute history of one user, and the retention setting, over real HTTP. */
class AdminHistoryApiTest extends ScimServiceTestBase {
    @Test
    void aUsersHistoryCarriesEachChangeOldAndNewAndTheRequestId() {
        HttpJson.Response created = scim.send("POST", "/Users", HttpJson.USER_JSON
                + "\"userName\":\"alice@testuser.com\",\"title\":\"Engineer\"}", "client-request-id", "req-1");
        String id = created.json().path("id").asText();
        assertThat(scim.send("PATCH", "/Users/" + id, HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Engineer\"}]}")
                .status()).isEqualTo(200);
        HttpJson admin = new HttpJson(runtime.adminUrl(), runtime.adminCredential());

        JsonNode history = admin.get("/history/" + id).json();
        assertThat(history).hasSize(2);
        JsonNode change = history.get(0).path("history").path("changes").get(0);
        assertThat(change.path("attribute").asText()).isEqualTo("title");
        assertThat(change.path("old").asText()).isEqualTo("Engineer");
        assertThat(change.path("new").asText()).isEqualTo("Senior Engineer");
        assertThat(history.get(1).path("history").path("requestId").asText()).isEqualTo("req-1");
        assertThat(admin.get("/history/no-such-user").json()).isEmpty();
    }

    @Test
    void theRetentionIsNinetyDaysUntilTheOwnerSetsItAndNonsenseIsRefusedWithItsReason() {
        HttpJson admin = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        assertThat(admin.get("/settings/history").json().path("retentionDays").asInt()).isEqualTo(90);
        assertThat(admin.put("/settings/history", "{\"retentionDays\":30}").json().path("retentionDays").asInt())
                .isEqualTo(30);
        assertThat(admin.get("/settings/history").json().path("retentionDays").asInt()).isEqualTo(30);

        HttpJson.Response zero = admin.put("/settings/history", "{\"retentionDays\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text()).contains("history.retention.outOfRange");
        assertThat(admin.put("/settings/history", "{\"retentionDays\":\"soon\"}").status()).isEqualTo(400);
        assertThat(admin.get("/settings/history").json().path("retentionDays").asInt()).isEqualTo(30);
    }
}
