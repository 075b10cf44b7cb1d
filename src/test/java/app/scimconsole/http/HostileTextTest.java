package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ScimProblem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: text no value can hold is refused the same way on both engines, before it reaches the store. A NUL
 * (PostgreSQL refuses it, SQLite kept it) is 400 invalidValue in a body or a filter and 404 in a path; a surrogate
 * without its pair or a noncharacter in a JSON body is 400 invalidSyntax (RFC 7493 §2.1), where it used to be
 * acknowledged and then stored as "?". Each refusal under a tenant is in its activity log. A path with an encoded
 * control character reaches the routes (Jetty would refuse it as malformed) and is a SCIM 404.
 */
class HostileTextTest extends ScimServiceTestBase {

    /** The beginnings of a User body, a PATCH body and a Group body, with the schema each must name. */
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";
    private static final String GROUP = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],";

    private Directory.Activity lastActivity() {
        return directory.activity(tenantId, 1).get(0);
    }

    private void expectRefused(HttpJson.Response r, int status, String scimType, String problem, String operation) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        if (scimType != null) {
            assertThat(r.json().path("scimType").asText()).isEqualTo(scimType);
        }
        Directory.Activity logged = lastActivity();
        assertThat(logged.outcome()).isEqualTo("rejected");
        assertThat(logged.operation()).isEqualTo(operation);
        assertThat(logged.code()).isEqualTo("scim.problem." + problem);
        assertThat(String.join("", logged.args()) + logged.resourceId()).doesNotContain("\u0000");
    }

    private int users() {
        return scim.get("/Users").json().path("totalResults").asInt();
    }

    /** A path that names nothing is a SCIM 404, whatever control character it carries. */
    private static void expectNotFound(HttpJson.Response r, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.json().path("detail").asText()).isEqualTo(detail);
    }

    private static final String NO_TENANT = ScimProblem.NOT_UNDER_A_TENANT.english(List.of());
    /** What the listener says of any path that names nothing, the answer to an encoded NUL Jetty cannot read. */
    private static final String NOTHING_HERE = ScimProblem.NOTHING_HERE_SCIM.english(List.of(ScimEndpoint.PREFIX));

    @Test
    void aControlCharacterInATenantPathIsNotFoundWithOrWithoutAToken() {
        String root = tenantUrl.substring(0, tenantUrl.length() - tenantId.length());
        expectNotFound(new HttpJson(root, null).get("%00/Users"), NOTHING_HERE);
        expectNotFound(new HttpJson(root, token).get("a%00b/Users"), NOTHING_HERE);
        expectNotFound(new HttpJson(root, token).get(tenantId + "%00/Users"), NOTHING_HERE);
        expectNotFound(new HttpJson(root, null).get("%01/Users"), NO_TENANT);
        expectNotFound(new HttpJson(root, token).get(tenantId + "%1F/Users"), NO_TENANT);
        expectNotFound(new HttpJson(root, token).get(tenantId + "%7f/Users"), NO_TENANT);
        expectNotFound(new HttpJson(root, null).post("%00/Users", USER + "\"userName\":\"a@testuser.com\"}"),
                NOTHING_HERE);
        // No tenant was named, so no tenant's log has anything to say.
        assertThat(directory.activity(tenantId, 50)).noneMatch(a -> "rejected".equals(a.outcome()));
        assertThat(scim.get("/Users").status()).as("the service goes on answering").isEqualTo(200);
    }

    @Test
    void aControlCharacterInAnIdIsNotFoundLoggedAndChangesNothing() {
        String id = scim.post("/Users", USER + "\"userName\":\"nul@testuser.com\"}").json().path("id").asText();
        expectNotFound(scim.get("/Users/" + id + "%01"), "User '" + id + "\u0001' does not exist.");
        expectRefused(scim.get("/Users/a%1Fb"), 404, null, "RESOURCE_NOT_FOUND", "READ");
        assertThat(lastActivity().args()).containsExactly("User", "a\u001Fb");
        expectRefused(scim.delete("/Users/" + id + "%7F"), 404, null, "RESOURCE_NOT_FOUND", "DELETE");
        expectRefused(scim.patch("/Users/" + id + "%0A", PATCH + "\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"x\"}]}"), 404, null, "RESOURCE_NOT_FOUND", "PATCH");
        expectRefused(scim.put("/Groups/%09", GROUP + "\"displayName\":\"g\"}"), 404, null, "RESOURCE_NOT_FOUND",
                "REPLACE");
        int logged = directory.activity(tenantId, 50).size();
        // An encoded NUL Jetty cannot read at all: the path, and with it the tenant and the id, is lost.
        expectNotFound(scim.get("/Users/a%00b"), NOTHING_HERE);
        expectNotFound(scim.delete("/Users/" + id + "%00"), NOTHING_HERE);
        assertThat(directory.activity(tenantId, 50)).hasSize(logged);
        assertThat(users()).isOne();
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
    }

    @Test
    void aNulInAFilterValueIsAnInvalidValue() {
        expectRefused(scim.get("/Users?filter=userName+eq+%22a%00b%22"), 400, "invalidValue",
                "UNSTORABLE_FILTER_VALUE", "QUERY");
        expectRefused(scim.get("/Groups?filter=displayName+eq+%22x%22+or+members%5Bvalue+eq+%22%00%22%5D"), 400,
                "invalidValue", "UNSTORABLE_FILTER_VALUE", "QUERY");
        expectRefused(scim.post("/Users/.search", "{\"filter\":\"userName eq \\\"a\\u0000b\\\"\"}"), 400,
                "invalidValue", "UNSTORABLE_FILTER_VALUE", "QUERY");
        expectRefused(scim.post("/Users/.search", "{\"filter\":\"userName eq \\\"a\\udfffb\\\"\"}"), 400,
                "invalidValue", "UNSTORABLE_FILTER_VALUE", "QUERY");
        expectRefused(scim.post("/.search", "{\"filter\":\"userName eq \\\"a\\u0000b\\\"\"}"), 400,
                "invalidValue", "UNSTORABLE_FILTER_VALUE", "QUERY");
    }

    /**
     * Every string of a search body is text a value could hold, not only the filter: a NUL is 400 invalidValue and
     * a broken surrogate or a noncharacter 400 invalidSyntax, naming where, on the type's search and the root's.
     */
    @Test
    void unstorableTextAnywhereInASearchBodyIsRefusedNamingWhere() {
        String[][] bodies = {
                {"{\"attributes\":[\"userName\",\"a\\u0000b\"]}", "VALUE_CONTAINS_NUL", "/attributes/1"},
                {"{\"attributes\":\"userName,x\\udfff\"}", "BODY_INVALID_UNICODE", "/attributes"},
                {"{\"excludedAttributes\":[\"\\u0000\"]}", "VALUE_CONTAINS_NUL", "/excludedAttributes/0"},
                {"{\"excludedAttributes\":[\"x\\ud800\"]}", "BODY_INVALID_UNICODE", "/excludedAttributes/0"},
                {"{\"sortBy\":\"userName\\u0000\"}", "VALUE_CONTAINS_NUL", "/sortBy"},
                {"{\"sortBy\":\"\\uffff\"}", "BODY_INVALID_UNICODE", "/sortBy"},
                {"{\"sortOrder\":\"ascending\\u0000\"}", "VALUE_CONTAINS_NUL", "/sortOrder"},
                {"{\"sortOrder\":\"\\udfffdescending\"}", "BODY_INVALID_UNICODE", "/sortOrder"},
                {"{\"count\":\"1\\u0000\"}", "VALUE_CONTAINS_NUL", "/count"},
                {"{\"x\\u0000\":1}", "VALUE_CONTAINS_NUL", "/x\uFFFD"},
                {"{\"filter\":[\"\\u0000\"]}", "VALUE_CONTAINS_NUL", "/filter/0"}};
        for (String path : List.of("/Users/.search", "/Groups/.search", "/.search")) {
            for (String[] b : bodies) {
                HttpJson.Response r = scim.post(path, b[0]);
                expectRefused(r, 400, b[1].equals("VALUE_CONTAINS_NUL") ? "invalidValue" : "invalidSyntax", b[1],
                        "QUERY");
                assertThat(lastActivity().args()).as(path + " " + b[0]).containsExactly(b[2]);
            }
        }
        HttpJson.Response fine = scim.post("/.search", "{\"attributes\":[\"userName\"],\"sortOrder\":\"descending\"}");
        assertThat(fine.status()).as(fine.text()).isEqualTo(200);
    }

    @Test
    void aNulInABodyIsAnInvalidValueAndNothingIsStored() {
        expectRefused(scim.post("/Users", USER + "\"userName\":\"a\\u0000b@testuser.com\"}"), 400, "invalidValue",
                "VALUE_CONTAINS_NUL", "CREATE");
        assertThat(lastActivity().args()).containsExactly("/userName");
        expectRefused(scim.post("/Users", USER + "\"userName\":\"ok@testuser.com\",\"x\\u0000\":1}"), 400,
                "invalidValue", "VALUE_CONTAINS_NUL", "CREATE");
        assertThat(users()).isZero();
        String id = scim.post("/Users", USER + "\"userName\":\"ok@testuser.com\"}").json().path("id").asText();
        expectRefused(scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails","value":[{"type":"work","value":"a\\u0000@testuser.com"}]}]}
                """), 400, "invalidValue", "VALUE_CONTAINS_NUL", "PATCH");
        assertThat(lastActivity().args()).containsExactly("/Operations/0/value/0/value");
        expectRefused(scim.put("/Users/" + id,
                USER + "\"userName\":\"ok@testuser.com\",\"displayName\":\"\\u0000\"}"), 400,
                "invalidValue", "VALUE_CONTAINS_NUL", "REPLACE");
        assertThat(scim.get("/Users/" + id).json().has("displayName")).isFalse();
    }

    @Test
    void invalidUnicodeInABodyIsInvalidSyntaxAndNothingIsStored() {
        for (String body : List.of(USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"x\\udfffy\"}",
                USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"x\\ud800\"}",
                USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"\\udfff\\ud800\"}",
                USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"x\\uffffy\"}",
                USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"x\\ufdd0y\"}",
                USER + "\"userName\":\"a@testuser.com\",\"x\\udfff\":\"y\"}")) {
            expectRefused(scim.post("/Users", body), 400, "invalidSyntax", "BODY_INVALID_UNICODE", "CREATE");
        }
        HttpJson.Response raw = scim.sendBytes("POST", "/Users", utf8WithEncodedSurrogate());
        assertThat(raw.status()).as(raw.text()).isEqualTo(400);
        assertThat(raw.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(raw.json().path("detail").asText()).doesNotContain("schemas");
        assertThat(users()).isZero();
        HttpJson.Response pair = scim.post("/Users",
                USER + "\"userName\":\"a@testuser.com\",\"displayName\":\"x\\ud83d\\ude00y\"}");
        assertThat(pair.status()).as("a surrogate pair is a character like any other").isEqualTo(201);
        assertThat(scim.get("/Users/" + pair.json().path("id").asText()).json().path("displayName").asText())
                .isEqualTo("x\ud83d\ude00y");
    }

    /** A User body whose displayName is "x", U+DFFF as three UTF-8 bytes, "y": CESU-8, not UTF-8. */
    private static byte[] utf8WithEncodedSurrogate() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((USER + ""
                + "\"userName\":\"a@testuser.com\",\"displayName\":\"x").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF});
        b.writeBytes("y\"}".getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
