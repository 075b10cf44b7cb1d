package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: one person, one userName, one domain. A userName is unique in its RFC 8265 form (width, case and
 * normalization ignored) but shown as Entra sent it; invisible and control characters are refused in identities;
 * text with "@" is an e-mail address or refused; domains are IDNA2008 (straße.com is not strasse.com).
 */
class IdentityRulesTest extends ScimServiceTestBase {

    /** The beginnings of a User body, a PATCH body and a Group body, with the schema each must name. */
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private HttpJson.Response create(String userName) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        return scim.post("/Users", body.toString());
    }

    /** A 400 invalidValue, logged as a rejection with the problem's code. */
    private void expectInvalidValue(HttpJson.Response r, String problem) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(lastActivity().outcome()).isEqualTo("rejected");
        assertThat(lastActivity().code()).isEqualTo("scim.problem." + problem);
    }

    private Directory.Activity lastActivity() {
        return directory.activity(tenantId, 1).get(0);
    }

    @Test
    void widthCaseAndNormalizationVariantsAreOneUserShownAsSent() {
        HttpJson.Response first = create("Bob@testuser.com");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        for (String variant : List.of("bob@testuser.com", "BOB@TESTUSER.COM", "ｂｏｂ@testuser.com",
                "Ｂｏｂ@ｔｅｓｔｕｓｅｒ．ｃｏｍ")) {
            HttpJson.Response again = create(variant);
            assertThat(again.status()).as(variant + ": " + again.text()).isEqualTo(409);
            assertThat(again.json().path("scimType").asText()).isEqualTo("uniqueness");
        }
        String nfd = "jose\u0301@testuser.com";
        HttpJson.Response decomposed = create(nfd);
        assertThat(decomposed.status()).isEqualTo(201);
        assertThat(create("jos\u00e9@testuser.com").status()).isEqualTo(409);
        assertThat(create("JOS\u00c9@testuser.com").status()).isEqualTo(409);

        assertThat(scim.get("/Users/" + decomposed.json().path("id").asText()).json().path("userName").asText())
                .as("kept as Entra sent it").isEqualTo(nfd);
        JsonNode found = scim.get("/Users?filter=" + URLEncoder.encode("userName eq \"ＢＯＢ@testuser.com\"",
                StandardCharsets.UTF_8)).json();
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("userName").asText()).isEqualTo("Bob@testuser.com");
        JsonNode composed = scim.get("/Users?filter=" + URLEncoder.encode("userName eq \"jos\u00e9@TESTUSER.com\"",
                StandardCharsets.UTF_8)).json();
        assertThat(composed.path("totalResults").asInt()).isEqualTo(1);
        JsonNode notBob = scim.get("/Users?filter=" + URLEncoder.encode("userName ne \"bob@testuser.com\"",
                StandardCharsets.UTF_8)).json();
        assertThat(notBob.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void invisibleAndControlCharactersInIdentitiesAreRefusedNamingWhere() {
        HttpJson.Response zeroWidth = create("b\u200bob@testuser.com");
        expectInvalidValue(zeroWidth, "IDENTITY_CHARACTER");
        assertThat(zeroWidth.json().path("detail").asText()).contains("U+200B").contains("position 2");
        assertThat(lastActivity().args()).containsExactly("userName", "2", "U+200B");

        HttpJson.Response softHyphen = create("bob@test\u00aduser.com");
        expectInvalidValue(softHyphen, "IDENTITY_CHARACTER");
        assertThat(lastActivity().args()).containsExactly("userName", "9", "U+00AD");
        expectInvalidValue(create("bob@testuser.com\u2060"), "IDENTITY_CHARACTER");
        expectInvalidValue(create("bob\u0007@testuser.com"), "IDENTITY_CHARACTER");
        expectInvalidValue(create("\ud83d\ude00\u200d@testuser.com"), "IDENTITY_CHARACTER");
        assertThat(lastActivity().args()).as("positions count characters, not UTF-16 units")
                .containsExactly("userName", "2", "U+200D");

        HttpJson.Response email = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"EMP-1","emails":[{"type":"work","value":"emp\\u200c1@testuser.com"}]}
                """);
        expectInvalidValue(email, "IDENTITY_CHARACTER");
        assertThat(lastActivity().args()).containsExactly("emails.value", "4", "U+200C");
        assertThat(scim.get("/Users").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void compatibilityLookAlikesInAUserNameAreRefusedNamingWhere() {
        assertThat(create("bob@testuser.com").status()).isEqualTo(201);
        HttpJson.Response gothic = create("\u210Cans@testuser.com");
        expectInvalidValue(gothic, "IDENTITY_COMPATIBILITY_CHARACTER");
        assertThat(gothic.json().path("detail").asText()).contains("U+210C").contains("position 1").contains("'H'");
        assertThat(lastActivity().args()).containsExactly("userName", "1", "U+210C", "H");
        expectInvalidValue(create("o\uFB01ce@testuser.com"), "IDENTITY_COMPATIBILITY_CHARACTER");
        assertThat(lastActivity().args()).containsExactly("userName", "2", "U+FB01", "fi");
        expectInvalidValue(create("room\u2460@testuser.com"), "IDENTITY_COMPATIBILITY_CHARACTER");
        expectInvalidValue(create("bob\u00B2@testuser.com"), "IDENTITY_COMPATIBILITY_CHARACTER");
        String id = scim.get("/Users").json().path("Resources").get(0).path("id").asText();
        expectInvalidValue(scim.patch("/Users/" + id, PATCH + """
                "Operations":[{"op":"replace","path":"userName","value":"b\u2092b@testuser.com"}]}"""),
                "IDENTITY_COMPATIBILITY_CHARACTER");
        assertThat(lastActivity().args()).containsExactly("userName", "2", "U+2092", "o");
        assertThat(scim.get("/Users").json().path("totalResults").asInt()).isOne();
        assertThat(create("ｂｏｂ@testuser.com").status()).as("fullwidth stays mapped: the same user").isEqualTo(409);
    }

    @Test
    void textWithAnAtSignIsAnAddressOrRefused() {
        for (String notAnAddress : List.of("x@evil.com@", "x@evil.com@testuser.com", "@testuser.com", "x@",
                "a b@testuser.com", "x@testuser.com ", "x.@testuser.com", "x@testuser..com", "x@-testuser.com")) {
            HttpJson.Response r = create(notAnAddress);
            expectInvalidValue(r, "NOT_AN_EMAIL_ADDRESS");
            assertThat(lastActivity().args()).as(notAnAddress).containsExactly("userName", notAnAddress);
        }
        HttpJson.Response inEmail = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"EMP-2","emails":[{"type":"work","primary":true,"value":"emp2@testuser.com@evil.com"}]}
                """);
        expectInvalidValue(inEmail, "NOT_AN_EMAIL_ADDRESS");
        assertThat(lastActivity().args()).containsExactly("emails.value", "emp2@testuser.com@evil.com");

        // every valid form passes the domain rule, and only in a verified domain
        assertThat(create("\"a@b\"@testuser.com").status()).isEqualTo(201);
        assertThat(create("o'brien+tag@testuser.com").status()).isEqualTo(201);
        assertThat(create("ünïcode@testuser.com.").status()).isEqualTo(201);
        HttpJson.Response quotedElsewhere = create("\"a@testuser.com\"@evil.example");
        assertThat(quotedElsewhere.status()).isEqualTo(400);
        assertThat(lastActivity().code()).isEqualTo("scim.problem.DOMAIN_NOT_VERIFIED");
        assertThat(lastActivity().args()).containsExactly("evil.example");
        // no "@" at all: not an address, and no domain to check (as before)
        assertThat(create("EMP-0042").status()).isEqualTo(201);
    }

    @Test
    void aDomainIsJudgedByIdna2008NonTransitional() {
        dns.zone("strasse.com", 1, 300, 60);
        verify("strasse.com");
        assertThat(create("x@strasse.com").status()).isEqualTo(201);
        HttpJson.Response sharpS = create("x@straße.com");
        assertThat(sharpS.status()).as(sharpS.text()).isEqualTo(400);
        assertThat(lastActivity().code()).isEqualTo("scim.problem.DOMAIN_NOT_VERIFIED");
        assertThat(lastActivity().args()).containsExactly("straße.com");
        assertThat(create("y@STRASSE.com").status()).isEqualTo(201);
        assertThat(create("z@ｓｔｒａｓｓｅ.com").status()).as("fullwidth is the same domain").isEqualTo(201);
        expectInvalidValue(create("w@stras\u200dse.com"), "IDENTITY_CHARACTER");
    }

    @Test
    void anAddressWithItsDomainInAsciiIsTheSamePerson() {
        dns.zone("xn--bcher-kva.example", 1, 300, 60);
        verify("bücher.example");
        HttpJson.Response unicode = create("bob@bücher.example");
        assertThat(unicode.status()).as(unicode.text()).isEqualTo(201);
        HttpJson.Response ascii = create("Bob@XN--BCHER-KVA.example");
        assertThat(ascii.status()).as(ascii.text()).isEqualTo(409);
        assertThat(ascii.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(scim.get("/Users?filter=" + URLEncoder.encode("userName eq \"bob@xn--bcher-kva.example\"",
                StandardCharsets.UTF_8)).json().path("totalResults").asInt()).isOne();
    }

    @Test
    void anIdentityStoredBeforeTheseRulesPassesThemUntilItChanges() {
        ObjectNode legacy = JsonNodeFactory.instance.objectNode();
        legacy.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        legacy.put("userName", "x@testuser.com@").put("active", true);
        String id = directory.create(tenantId, ResourceType.USER, legacy, List.of()).id();
        HttpJson.Response title = scim.patch("/Users/" + id,
                PATCH + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Engineer\"}]}");
        assertThat(title.status()).as(title.text()).isEqualTo(200);
        HttpJson.Response rename = scim.patch("/Users/" + id,
                PATCH + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"y@evil.com@\"}]}");
        expectInvalidValue(rename, "NOT_AN_EMAIL_ADDRESS");
        assertThat(scim.patch("/Users/" + id,
                PATCH + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"x@testuser.com\"}]}")
                .status()).isEqualTo(200);
    }
}
