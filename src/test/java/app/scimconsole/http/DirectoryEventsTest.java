package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.client.AdminClient;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.service.EventFeed;
import app.scimconsole.service.EventReaders;
import app.scimconsole.service.ScimAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory event feed over real HTTP: every event type raised by real SCIM requests with the resource after
 * the change and the previous values of what changed; no event for a write that changed nothing; ten thousand
 * events paged with nothing skipped or repeated; bad cursors and limits refused plainly; and the reader credential
 * the only key to the feed, and a key to nothing else.
 */
class DirectoryEventsTest extends ScimServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private AdminApi.IssuedEventReader reader;
    private HttpJson feed;

    @BeforeEach
    void issueReader() {
        reader = runtime.admin().issueEventReader("ovice sync");
        feed = new HttpJson(reader.eventsUrl(), reader.readerCredential());
    }

    @Test
    void everyUserEventCarriesTheResourceAfterTheChangeAndWhatItWasBefore() {
        String id = created(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\","
                + "\"title\":\"Engineer\",\"password\":\"hunter2-secret\",\"name\":{\"givenName\":\"Alice\"}}"));
        String title = HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Engineer\"}]}";
        assertThat(scim.patch("/Users/" + id, title).status()).isEqualTo(200);
        assertThat(scim.patch("/Users/" + id, title).status()).isEqualTo(200); // changes nothing: no event
        assertThat(scim.patch("/Users/" + id, HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}").status())
                .isEqualTo(200);
        assertThat(scim.patch("/Users/" + id, HttpJson.PATCH_JSON
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}").status())
                .isEqualTo(200);
        assertThat(scim.put("/Users/" + id, HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\","
                + "\"title\":\"Senior Engineer\",\"name\":{\"givenName\":\"Alicia\"},\"active\":true,"
                + "\"" + ENTERPRISE + "\":{\"department\":\"R&D\"}}").status()).isEqualTo(200);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);

        JsonNode page = page(null, null);
        List<JsonNode> events = list(page.path("events"));
        assertThat(events).extracting(e -> e.path("type").asText(), e -> e.path("resourceType").asText(),
                e -> e.path("resourceId").asText()).containsExactly(
                tuple("user.created", "User", id), tuple("user.updated", "User", id),
                tuple("user.suspended", "User", id), tuple("user.reactivated", "User", id),
                tuple("user.updated", "User", id), tuple("user.deleted", "User", id));
        assertThat(events).extracting(e -> e.path("id").asText()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(page.path("next").asText()).isEqualTo("6");

        JsonNode created = events.get(0);
        assertThat(created.path("resource").path("userName").asText()).isEqualTo("alice@testuser.com");
        assertThat(created.path("resource").path("meta").path("location").asText())
                .isEqualTo(tenantUrl + "/Users/" + id);
        assertThat(created.path("previous").isObject() && created.path("previous").isEmpty()).isTrue();
        assertThat(Instant.parse(created.path("time").asText())).isBeforeOrEqualTo(Instant.now());

        JsonNode updated = events.get(1);
        assertThat(updated.path("resource").path("title").asText()).isEqualTo("Senior Engineer");
        assertThat(updated.path("previous")).isEqualTo(json("{\"title\":\"Engineer\"}"));
        assertThat(events.get(2).path("resource").path("active").asBoolean()).isFalse();
        assertThat(events.get(2).path("previous")).isEqualTo(json("{\"active\":true}"));
        assertThat(events.get(3).path("resource").path("active").asBoolean()).isTrue();
        assertThat(events.get(3).path("previous")).isEqualTo(json("{\"active\":false}"));
        JsonNode replaced = events.get(4);
        assertThat(replaced.path("resource").path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
        assertThat(replaced.path("previous")).isEqualTo(json("{\"name\":{\"givenName\":\"Alice\"},\""
                + ENTERPRISE + "\":null}"));
        assertThat(events.get(5).path("resource").path("name").path("givenName").asText()).isEqualTo("Alicia");
        assertThat(page.toString()).doesNotContain("hunter2").doesNotContain("password");
    }

    @Test
    void groupEventsTellEachMemberWhoJoinedOrLeftAndNothingForAnAddOfAMemberAlreadyThere() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        String group = created(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Team\","
                + "\"members\":[{\"value\":\"" + alice + "\"}]}"));
        assertThat(scim.patch("/Groups/" + group, HttpJson.PATCH_JSON + "\"Operations\":["
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]},"
                + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}]}").status())
                .isEqualTo(204);
        assertThat(scim.patch("/Groups/" + group, HttpJson.PATCH_JSON + "\"Operations\":["
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]}").status())
                .isEqualTo(204); // bob is a member already: nothing changed
        assertThat(scim.put("/Groups/" + group, HttpJson.GROUP_JSON + "\"displayName\":\"Team 2\","
                + "\"members\":[{\"value\":\"" + bob + "\"},{\"value\":\"" + carol + "\"}]}").status()).isEqualTo(200);
        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);

        List<JsonNode> events = list(page("3", null).path("events")); // after the three users' creations
        assertThat(events).extracting(e -> e.path("type").asText(), e -> e.path("resourceId").asText(),
                e -> e.path("member").path("value").asText(null)).containsExactly(
                tuple("group.created", group, null), tuple("group.member_added", group, alice),
                tuple("group.member_added", group, bob), tuple("group.member_removed", group, alice),
                tuple("group.updated", group, null), tuple("group.member_added", group, carol),
                tuple("group.deleted", group, null));
        assertThat(events.get(0).path("resource").path("displayName").asText()).isEqualTo("Team");
        assertThat(events.get(1).path("member").path("$ref").asText()).isEqualTo(tenantUrl + "/Users/" + alice);
        assertThat(events.get(4).path("resource").path("displayName").asText()).isEqualTo("Team 2");
        assertThat(events.get(4).path("previous")).isEqualTo(json("{\"displayName\":\"Team\"}"));
        assertThat(events.get(6).path("resource").path("displayName").asText()).isEqualTo("Team 2");
    }

    @Test
    void tenThousandEventsPageWithNothingSkippedOrRepeated() {
        // Made fast through the service layer: 200 users, then a group whose 100 members are swapped for the
        // other 100 by each PUT (100 leave, 100 join: 200 events a write).
        ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.10");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            users.add(runtime.core().provisioning().create(caller, ResourceType.USER, json(HttpJson.USER_JSON
                    + "\"userName\":\"u" + i + "@testuser.com\"}")).id());
        }
        String group = runtime.core().provisioning().create(caller, ResourceType.GROUP,
                json(groupOf(users.subList(0, 100)))).id();
        for (int put = 1; put <= 49; put++) {
            List<String> members = put % 2 == 1 ? users.subList(100, 200) : users.subList(0, 100);
            runtime.core().provisioning().replace(caller, ResourceType.GROUP, group, null, json(groupOf(members)));
        }
        long total = 200 + 101 + 49 * 200;
        assertThat(total).isGreaterThan(10_000);

        for (int limit : new int[] {EventFeed.MAX_LIMIT, 337}) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            while (true) {
                JsonNode page = page(cursor, Integer.toString(limit));
                List<JsonNode> events = list(page.path("events"));
                assertThat(events.size()).isLessThanOrEqualTo(limit);
                events.forEach(e -> seen.add(Long.parseLong(e.path("id").asText())));
                if (events.isEmpty()) {
                    assertThat(page.path("next").asText()).isEqualTo(cursor);
                    break;
                }
                cursor = page.path("next").asText();
            }
            // equals, not containsExactly: the same check, without AssertJ's quadratic search on 10,000 elements
            assertThat(seen).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        }
    }

    @Test
    void aBadCursorOrLimitIsAClear400() {
        for (String query : List.of("?after=abc", "?after=-1", "?after=12345678901234567890", "?after=1.5")) {
            HttpJson.Response r = feed.get(query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().path("code").asText()).isEqualTo(EventFeed.CURSOR_INVALID);
            assertThat(r.json().path("detail").asText()).contains("after");
        }
        for (String query : List.of("?limit=0", "?limit=1001", "?limit=ten", "?limit=99999999999")) {
            HttpJson.Response r = feed.get(query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().path("code").asText()).isEqualTo(EventFeed.LIMIT_INVALID);
            assertThat(r.json().path("args").get(2).asInt()).isEqualTo(EventFeed.MAX_LIMIT);
        }
        assertThat(feed.get("?limit=1000").status()).isEqualTo(200);
        assertThat(feed.send("POST", "", "{}").status()).isEqualTo(405);
    }

    @Test
    void onlyAReaderCredentialOfTheTenantReadsTheFeedAndItOpensNothingElse() {
        user("alice");
        assertThat(feed.get("").status()).isEqualTo(200);
        // Entra's token, an admin credential, no credential: refused on the feed
        for (String other : new String[] {token, runtime.adminCredential(), null}) {
            HttpJson.Response r = new HttpJson(reader.eventsUrl(), other).get("");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("code").asText()).isEqualTo(EventFeed.CREDENTIAL_REFUSED);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
        // the reader credential: refused by the SCIM endpoint, the admin API and the token endpoint
        assertThat(new HttpJson(tenantUrl, reader.readerCredential()).get("/Users").status()).isEqualTo(401);
        AdminClient admin = new AdminClient(runtime.adminUrl(), reader.readerCredential());
        assertThatThrownBy(admin::eventReaders)
                .isInstanceOfSatisfying(AdminException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        // a reader of another tenant does not read this one
        String other = directory.createTenant().id();
        String otherCredential = new EventReaders(directory).issue(other, null).credential();
        assertThat(new HttpJson(reader.eventsUrl(), otherCredential).get("").status()).isEqualTo(401);
        // listed without the credential, and revoked: it stops at once
        List<AdminApi.EventReaderEntry> listed = runtime.admin().eventReaders();
        assertThat(listed).extracting(AdminApi.EventReaderEntry::id, AdminApi.EventReaderEntry::label)
                .containsExactly(tuple(reader.id(), "ovice sync"));
        // its last use, through the admin API over HTTP: the feed was read above
        List<AdminApi.EventReaderEntry> overHttp = new AdminClient(runtime.adminUrl(), runtime.adminCredential())
                .eventReaders();
        assertThat(overHttp).hasSize(1);
        assertThat(overHttp.get(0).lastUsedAt()).isNotNull().isBetween(overHttp.get(0).created(), Instant.now());
        runtime.admin().revokeEventReader(reader.id());
        assertThat(feed.get("").status()).isEqualTo(401);
        assertThat(runtime.admin().eventReaders()).isEmpty();
    }

    @Test
    void eventsGoWithTheHistoryWhenItsRetentionEnds() {
        user("alice");
        user("bob");
        assertThat(list(page(null, null).path("events"))).hasSize(2);
        directory.purgeHistory(tenantId, Instant.now().plus(1, ChronoUnit.DAYS));
        JsonNode page = page(null, null);
        assertThat(list(page.path("events"))).isEmpty();
        user("carol");
        // from the oldest kept: numbering goes on where it was
        assertThat(list(page(null, null).path("events"))).extracting(e -> e.path("id").asText())
                .containsExactly("3");
    }

    private static String groupOf(List<String> members) {
        StringBuilder json = new StringBuilder(HttpJson.GROUP_JSON + "\"displayName\":\"Swapped\",\"members\":[");
        for (int i = 0; i < members.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members.get(i)).append("\"}");
        }
        return json.append("]}").toString();
    }

    private JsonNode page(String after, String limit) {
        String query = (after == null ? "" : "after=" + after) + (limit == null ? "" : (after == null ? "" : "&")
                + "limit=" + limit);
        HttpJson.Response r = feed.get(query.isEmpty() ? "" : "?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String user(String name) {
        return created(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + name + "@testuser.com\"}"));
    }

    private static String created(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }
}
