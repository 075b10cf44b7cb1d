package app.scimconsole.http;

import static app.scimconsole.http.EntraReplayTest.B1_CREATE_USER;
import static app.scimconsole.http.EntraReplayTest.B9_CREATE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.service.SecretTokens;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** RFC 7644 behaviour beyond Microsoft's samples: auth, errors, preconditions, paging, limits, concurrency. */
class ScimProtocolTest extends ScimServiceTestBase {

    private static String user(String userName) {
        return HttpJson.USER_JSON + "\"userName\":\"" + userName + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + userName + "\",\"primary\":true}]}";
    }

    @Test
    void missingOrWrongTokenIs401WithBearerChallenge() {
        HttpJson anonymous = new HttpJson(tenantUrl, null);
        HttpJson.Response r = anonymous.get("/Users");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().path("status").asText()).isEqualTo("401");

        HttpJson wrong = new HttpJson(tenantUrl, "not-the-token");
        assertThat(wrong.get("/Users").status()).isEqualTo(401);
        assertThat(wrong.get("/Users").header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenWorksOnlyForItsOwnTenant() {
        Directory.Tenant other = directory.createTenant();
        directory.setScimEnabled(other.id(), true);
        String otherToken = SecretTokens.generate();
        directory.addToken(other.id(), SecretTokens.hash(otherToken), null);
        String otherUrl = tenantUrl.substring(0, tenantUrl.lastIndexOf('/') + 1) + other.id();

        assertThat(new HttpJson(otherUrl, otherToken).get("/Users").status()).isEqualTo(200);
        assertThat(new HttpJson(otherUrl, token).get("/Users").status()).isEqualTo(401);
        assertThat(new HttpJson(tenantUrl, otherToken).get("/Users").status()).isEqualTo(401);
    }

    @Test
    void rotatedTokenReplacesTheOldOneAndDisableRevokesAll() {
        TenantAdmin admin = new TenantAdmin(directory, java.time.Clock.systemUTC());
        String fresh = admin.rotate(java.time.Duration.ZERO).secretToken();
        assertThat(scim.get("/Users").status()).isEqualTo(401);
        scim.token(fresh);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        admin.disable();
        assertThat(scim.get("/Users").status()).isEqualTo(401);
    }

    @Test
    void userNameIsUniqueIgnoringCase() {
        assertThat(scim.post("/Users", user("Dup@testuser.com")).status()).isEqualTo(201);
        HttpJson.Response r = scim.post("/Users", user("dup@TESTUSER.com"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(r.json().path("status").asText()).isEqualTo("409");
    }

    @Test
    void groupDisplayNameIsUniqueIgnoringCase() {
        assertThat(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Sales\"}").status()).isEqualTo(201);
        HttpJson.Response r = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"SALES\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void putReplacesTheWholeResource() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        HttpJson.Response r = scim.put("/Users/" + id, HttpJson.USER_JSON + "\"userName\":\"replaced@testuser.com\",\"title\":\"CTO\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode u = scim.get("/Users/" + id).json();
        assertThat(u.path("userName").asText()).isEqualTo("replaced@testuser.com");
        assertThat(u.path("title").asText()).isEqualTo("CTO");
        assertThat(u.has("name")).isFalse();
        assertThat(u.has("externalId")).isFalse();
    }

    @Test
    void ifMatchMismatchIs412AndIfNoneMatchIs304() {
        HttpJson.Response created = scim.post("/Users", B1_CREATE_USER);
        String id = created.json().path("id").asText();
        String etag = created.header("ETag");
        String patch = HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"A\"}]}";
        HttpJson.Response ok = scim.send("PATCH", "/Users/" + id, patch, "If-Match", etag);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isNotEqualTo(etag);
        HttpJson.Response stale = scim.send("PATCH", "/Users/" + id, patch, "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(scim.send("DELETE", "/Users/" + id, null, "If-Match", etag).status()).isEqualTo(412);
        assertThat(scim.send("GET", "/Users/" + id, null, "If-None-Match", ok.header("ETag")).status()).isEqualTo(304);
        assertThat(scim.send("DELETE", "/Users/" + id, null, "If-Match", ok.header("ETag")).status()).isEqualTo(204);
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        HttpJson.Response created = scim.post("/Users", B1_CREATE_USER);
        String id = created.json().path("id").asText();
        HttpJson.Response r = scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(r.json().path("meta").path("lastModified").asText())
                .isEqualTo(created.json().path("meta").path("lastModified").asText());
    }

    @Test
    void badInputGetsTheRightScimType() {
        String id = scim.post("/Users", B1_CREATE_USER).json().path("id").asText();
        expectError(scim.post("/Users", HttpJson.USER_JSON + "\"userName\": "), 400, "invalidSyntax");
        expectError(scim.post("/Users", "[1,2]"), 400, "invalidSyntax");
        expectError(scim.post("/Users", HttpJson.USER_JSON + "\"displayName\":\"no user name\"}"), 400, "invalidValue");
        expectError(scim.get("/Users?filter=userName+eq"), 400, "invalidFilter");
        expectError(scim.get("/Users?filter=nosuchattr+eq+%22x%22"), 400, "invalidFilter");
        expectError(scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}"), 400, "invalidPath");
        expectError(scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":\"x\"}]}"), 400, "invalidPath");
        expectError(scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"remove\"}]}"), 400, "noTarget");
        expectError(scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]}"), 400, "mutability");
        expectError(scim.patch("/Users/" + id, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"jump\",\"path\":\"title\",\"value\":\"x\"}]}"), 400, "invalidSyntax");
        expectError(scim.get("/Users?startIndex=abc"), 400, "invalidValue");
        assertThat(scim.get("/Nope").status()).isEqualTo(404);
        assertThat(scim.send("DELETE", "/Users", null).status()).isEqualTo(405);
    }

    @Test
    void oversizedBodyIs413AndNothingIsStored() {
        String big = "{\"userName\":\"big@testuser.com\",\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpJson.Response r = scim.post("/Users", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("status").asText()).isEqualTo("413");
        assertThat(scim.get("/Users?filter=userName+eq+%22big@testuser.com%22").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void pagingSortingAndCountZero() {
        for (int i = 0; i < 12; i++) {
            assertThat(scim.post("/Users", user(String.format("u%02d@testuser.com", i))).status()).isEqualTo(201);
        }
        JsonNode page2 = scim.get("/Users?startIndex=6&count=5&sortBy=userName").json();
        assertThat(page2.path("totalResults").asInt()).isEqualTo(12);
        assertThat(page2.path("startIndex").asInt()).isEqualTo(6);
        assertThat(page2.path("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(page2.path("Resources").findValuesAsText("userName"))
                .containsExactly("u05@testuser.com", "u06@testuser.com", "u07@testuser.com", "u08@testuser.com", "u09@testuser.com");
        JsonNode desc = scim.get("/Users?count=2&sortBy=userName&sortOrder=descending").json();
        assertThat(desc.path("Resources").findValuesAsText("userName")).containsExactly("u11@testuser.com", "u10@testuser.com");
        JsonNode zero = scim.get("/Users?count=0").json();
        assertThat(zero.path("totalResults").asInt()).isEqualTo(12);
        assertThat(zero.path("Resources")).isEmpty();
        JsonNode last = scim.get("/Users?startIndex=11&count=5").json();
        assertThat(last.path("Resources")).hasSize(2);
    }

    /**
     * A sortBy no index holds (title, an e-mail, a department: values inside the document) over more matches than the
     * service's limit is 400 invalidValue (sorting is optional, RFC 7644 §3.4.2.3), by GET and by .search; a filter
     * that narrows the list to the limit, or an indexed sortBy, is answered. The limit is made 5 here (10,000 in use).
     */
    @Test
    void aSortNoIndexHoldsIsRefusedOnAListLongerThanTheLimit() {
        runtime.core().unindexedSorts().limit(5);
        for (int i = 0; i < 6; i++) {
            assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + String.format("t%02d@testuser.com", i)
                    + "\",\"title\":\"Title " + (9 - i) + "\"}").status()).isEqualTo(201);
        }
        for (String sortBy : List.of("title", "emails.value", "name.familyName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")) {
            HttpJson.Response refused = scim.get("/Users?sortBy=" + sortBy + "&sortOrder=descending");
            expectError(refused, 400, "invalidValue");
            assertThat(refused.json().path("detail").asText()).as(sortBy)
                    .startsWith("sortBy '" + sortBy + "' is offered only on a list of at most 5 matches");
        }
        expectError(scim.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"sortBy":"title"}
                """), 400, "invalidValue");
        HttpJson.Response indexed = scim.get("/Users?sortBy=userName&sortOrder=descending&count=2");
        assertThat(indexed.status()).as(indexed.text()).isEqualTo(200);
        assertThat(indexed.json().path("Resources").findValuesAsText("userName"))
                .containsExactly("t05@testuser.com", "t04@testuser.com");

        HttpJson.Response narrowed = scim.get("/Users?sortBy=title&filter=userName+sw+%22t0%22+and+not+(userName+eq+"
                + "%22t00@testuser.com%22)");
        assertThat(narrowed.status()).as("5 matches: at the limit").isEqualTo(200);
        assertThat(narrowed.json().path("Resources").findValuesAsText("title"))
                .containsExactly("Title 4", "Title 5", "Title 6", "Title 7", "Title 8");
        runtime.core().unindexedSorts().limit(6);
        assertThat(scim.get("/Users?sortBy=title").json().path("Resources").findValuesAsText("userName"))
                .as("every user, within the limit again").hasSize(6).first().isEqualTo("t05@testuser.com");

        assertThat(scim.post("/Groups", B9_CREATE_GROUP).status()).isEqualTo(201);
        runtime.core().unindexedSorts().limit(0);
        expectError(scim.get("/Groups?sortBy=meta.lastModified"), 400, "invalidValue");
        assertThat(scim.get("/Groups?sortBy=displayName").status()).as("a group's name has its index").isEqualTo(200);
    }

    @Test
    void searchByPostTakesTheQueryFromTheBody() {
        scim.post("/Users", user("s1@testuser.com"));
        scim.post("/Users", user("s2@testuser.com"));
        HttpJson.Response r = scim.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \\"s2\\"",
                 "attributes":["userName"],"startIndex":1,"count":10}
                """);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("Resources").findValuesAsText("userName")).containsExactly("s2@testuser.com");
        assertThat(r.json().path("Resources").get(0).has("emails")).isFalse();
        assertThat(scim.get("/Users/.search").status()).isEqualTo(405);
    }

    @Test
    void attributesAndExcludedAttributes() {
        scim.post("/Users", B1_CREATE_USER);
        JsonNode only = scim.get("/Users?attributes=userName,name.givenName").json().path("Resources").get(0);
        assertThat(only.has("id")).isTrue();
        assertThat(only.has("userName")).isTrue();
        assertThat(only.path("name").has("givenName")).isTrue();
        assertThat(only.path("name").has("familyName")).isFalse();
        assertThat(only.has("emails")).isFalse();
        JsonNode without = scim.get("/Users?excludedAttributes=emails,name").json().path("Resources").get(0);
        assertThat(without.has("emails")).isFalse();
        assertThat(without.has("name")).isFalse();
        assertThat(without.has("userName")).isTrue();
    }

    @Test
    void fullFilterGrammarOverHttp() {
        scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"alice@testuser.com\",\"title\":\"Engineer\",\"active\":true}");
        scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"bob@testuser.com\",\"title\":\"Sales 100%\",\"active\":false}");
        scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"carol@testuser.com\"}");
        assertThat(names("title+co+%22gin%22")).containsExactly("alice@testuser.com");
        assertThat(names("title+co+%22100%25%22")).containsExactly("bob@testuser.com");
        assertThat(names("title+pr+and+not+(active+eq+false)")).containsExactly("alice@testuser.com");
        assertThat(names("userName+sw+%22B%22+or+userName+ew+%22ol@testuser.com%22")).containsExactlyInAnyOrder("bob@testuser.com", "carol@testuser.com");
        assertThat(names("not+(title+pr)")).containsExactly("carol@testuser.com");
        assertThat(names("active+eq+false")).containsExactly("bob@testuser.com");
        assertThat(names("urn:ietf:params:scim:schemas:core:2.0:User:userName+eq+%22ALICE@testuser.com%22")).containsExactly("alice@testuser.com");
        assertThat(names("meta.created+gt+%222000-01-01T00:00:00Z%22")).hasSize(3);
    }

    private List<String> names(String filter) {
        HttpJson.Response r = scim.get("/Users?sortBy=userName&filter=" + filter);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("Resources").findValuesAsText("userName");
    }

    @Test
    void concurrentCreatesOfOneUserNameGiveExactlyOne201() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String casing = i % 2 == 0 ? "Race@testuser.com" : "race@TESTUSER.com";
                calls.add(() -> new HttpJson(tenantUrl, token).post("/Users", user(casing)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentMemberAddsToOneGroupAllLand() throws Exception {
        String gid = scim.post("/Groups", B9_CREATE_GROUP).json().path("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(scim.post("/Users", user("m" + i + "@testuser.com")).json().path("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(() -> new HttpJson(tenantUrl, token).patch("/Groups/" + gid, EntraReplayTest.memberOp("Add", id)).status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(scim.get("/Groups/" + gid).json().path("members").findValuesAsText("value")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void discoveryDescribesWhatIsImplemented() {
        JsonNode spc = scim.get("/ServiceProviderConfig").json();
        assertThat(spc.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("bulk").path("supported").asBoolean(true)).isFalse();
        assertThat(spc.path("filter").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("sort").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("authenticationSchemes").get(0).path("type").asText()).isEqualTo("oauthbearertoken");
        JsonNode types = scim.get("/ResourceTypes").json();
        assertThat(types.path("Resources").findValuesAsText("endpoint")).containsExactlyInAnyOrder("/Users", "/Groups");
        assertThat(scim.get("/ResourceTypes/User").json().path("schemaExtensions").get(0).path("schema").asText())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    private static void expectError(HttpJson.Response r, int status, String scimType) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.json().path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(r.json().path("scimType").asText()).isEqualTo(scimType);
        assertThat(r.json().path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at app.");
    }
}
