package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of write over real HTTP leaves its attribute history beside its activity entry: what changed, old and
 * new, and Entra's request id; a PATCH that changed nothing says so; a password never appears.
 */
class AttributeHistoryTest extends ScimServiceTestBase {
    private static final String PATCH_TITLE = HttpJson.PATCH_JSON
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Engineer\"}]}";

    @Test
    void everyWriteToAUserRecordsWhatChangedAndTheRequest() {
        String id = created(scim.send("POST", "/Users", HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\","
                + "\"title\":\"Engineer\",\"password\":\"hunter2-secret\",\"name\":{\"givenName\":\"Alice\"}}",
                "client-request-id", "3f1c0a6e-0000-4000-8000-000000000001"));
        assertThat(scim.send("PATCH", "/Users/" + id, PATCH_TITLE, "client-request-id", "req-2").status())
                .isEqualTo(200);
        assertThat(scim.send("PATCH", "/Users/" + id, PATCH_TITLE).status()).isEqualTo(200); // the same again
        assertThat(scim.send("PATCH", "/Users/" + id, HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}").status())
                .isEqualTo(200);
        assertThat(scim.send("PATCH", "/Users/" + id, HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}").status())
                .isEqualTo(200);
        assertThat(scim.put("/Users/" + id, HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\","
                + "\"title\":\"Senior Engineer\",\"name\":{\"givenName\":\"Alicia\"},\"active\":true,"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"}}").status())
                .isEqualTo(200);
        assertThat(scim.send("DELETE", "/Users/" + id, null).status()).isEqualTo(204);

        List<Activity> history = directory.activityOf(tenantId, id, 100);
        assertThat(history).extracting(Activity::operation, Activity::code).containsExactly(
                tuple("DELETE", "activity.deleted"), tuple("REPLACE", "activity.replaced"),
                tuple("PATCH", "activity.reactivated"), tuple("PATCH", "activity.suspended"),
                tuple("PATCH", "activity.unchanged"), tuple("PATCH", "activity.changed"),
                tuple("CREATE", "activity.created"));
        Activity create = history.get(6);
        assertThat(create.history().requestId()).isEqualTo("3f1c0a6e-0000-4000-8000-000000000001");
        assertThat(create.history().changes()).contains(new Change("userName", null, "alice@testuser.com"),
                new Change("title", null, "Engineer"), new Change("name.givenName", null, "Alice"));
        assertThat(history.get(5).history().requestId()).isEqualTo("req-2");
        assertThat(history.get(5).history().changes())
                .containsExactly(new Change("title", "Engineer", "Senior Engineer"));
        assertThat(history.get(4).history().requestId()).isNull();
        assertThat(history.get(4).history().changes()).isEmpty(); // no change, and said so
        assertThat(history.get(3).history().changes()).containsExactly(new Change("active", "true", "false"));
        assertThat(history.get(2).history().changes()).containsExactly(new Change("active", "false", "true"));
        assertThat(history.get(1).history().changes()).containsExactlyInAnyOrder(
                new Change("name.givenName", "Alice", "Alicia"), new Change("department", null, "R&D"));
        assertThat(history.get(0).history().changes()).contains(new Change("title", "Senior Engineer", null));
        assertThat(history).allSatisfy(a -> assertThat(a.history().changes()).allSatisfy(ch -> {
            assertThat(ch.attribute()).doesNotContain("password");
            assertThat(String.valueOf(ch.before()) + ch.after()).doesNotContain("hunter2");
        }));
    }

    @Test
    void aGroupRecordsMembersAddedAndRemovedByPatchAndByPut() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        String group = created(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Team\","
                + "\"members\":[{\"value\":\"" + alice + "\"}]}"));
        assertThat(scim.send("PATCH", "/Groups/" + group, HttpJson.PATCH_JSON + "\"Operations\":["
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]},"
                + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}]}").status())
                .isEqualTo(204);
        assertThat(scim.put("/Groups/" + group, HttpJson.GROUP_JSON + "\"displayName\":\"Team 2\","
                + "\"members\":[{\"value\":\"" + bob + "\"},{\"value\":\"" + carol + "\"}]}").status()).isEqualTo(200);
        assertThat(scim.put("/Groups/" + group, HttpJson.GROUP_JSON + "\"displayName\":\"Team 2\","
                + "\"members\":[{\"value\":\"" + carol + "\"}]}").status()).isEqualTo(200);

        List<Activity> history = directory.activityOf(tenantId, group, 100);
        assertThat(history).hasSize(4);
        assertThat(history.get(3).history().changes()).contains(new Change("displayName", null, "Team"),
                new Change("members", null, alice));
        assertThat(history.get(2).history().changes()).containsExactly(new Change("members", null, bob),
                new Change("members", alice, null));
        assertThat(history.get(1).history().changes()).containsExactly(
                new Change("displayName", "Team", "Team 2"), new Change("members", null, carol));
        assertThat(history.get(0).history().changes()).containsExactly(new Change("members", bob, null));
    }

    private String user(String name) {
        return created(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + name + "@testuser.com\"}"));
    }

    private static String created(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }
}
