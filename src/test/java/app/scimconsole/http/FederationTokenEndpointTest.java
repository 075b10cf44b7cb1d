package app.scimconsole.http;

import static app.scimconsole.http.OAuthTokenEndpointTest.assertError;
import static app.scimconsole.http.OAuthTokenEndpointTest.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.OAuthTokenEndpointTest.Answer;
import app.scimconsole.service.FederationInputException;
import app.scimconsole.service.FederationTrusts;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.service.TokenRequest;
import app.scimconsole.testing.EntraKeys;
import app.scimconsole.testing.ManualClock;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity federation at the tenant's token endpoint over real HTTP on loopback (RFC 7523 §2.2, RFC 6749
 * §5.2): Entra is played by {@link EntraKeys}, whose key set the test serves on loopback http, which the service
 * fetches only because this runtime runs with the development flag. Every way an assertion can be wrong, the access
 * token on the tenant URL, and a removed trust. The *PostgresTest subclass runs it on PostgreSQL.
 */
class FederationTokenEndpointTest {
    static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path data;
    @TempDir
    Path otherData;

    final ManualClock clock = ManualClock.shiftedFromNow();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<ServiceRuntime> runtimes = new ArrayList<>();
    ServiceRuntime runtime;
    SqlDirectory directory;
    EntraKeys entra;
    RSAKey key;
    String tenantId;
    String tokenEndpoint;
    FederationTrusts trusts;
    FederationTrusts.Added trust;

    SqlDirectory openDirectory(Path folder) {
        return SqliteDirectory.open(folder);
    }

    ServiceRuntime start(Path folder, boolean devLoopbackHttp) throws Exception {
        ServiceRuntime r = ServiceRuntime.start(openDirectory(folder), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, 4), ServiceRuntime.AdminListen.loopbackAnyPort(), null, clock,
                new KeySetAddress(devLoopbackHttp));
        runtimes.add(r);
        return r;
    }

    @BeforeEach
    void start() throws Exception {
        entra = new EntraKeys(clock);
        key = EntraKeys.newKey("k1");
        entra.publish(key);
        runtime = start(data, true);
        directory = runtime.directory();
        tenantId = new TenantAdmin(directory, clock).enable().tenantId();
        tokenEndpoint = runtime.server().config().tokenEndpoint(tenantId);
        trusts = new FederationTrusts(directory, directory.federation(), new KeySetAddress(true), clock);
        trust = trusts.add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE, entra.url());
    }

    @AfterEach
    void stop() {
        runtimes.forEach(ServiceRuntime::close);
        if (entra != null) {
            entra.close();
        }
    }

    Answer post(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    /** A token request with this assertion, naming the trust's client id. */
    Answer present(String assertion) throws Exception {
        return post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", assertion, "client_id", trust.clientId()));
    }

    String signed(JWTClaimsSet claims) {
        return EntraKeys.sign(key, claims);
    }

    Answer users(String accessToken) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runtime.server().tenantUrl(tenantId)
                + "/Users")).header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    Directory.Activity refusal(String code) throws InterruptedException {
        return OAuthTokenEndpointTest.refusal(directory, tenantId, code);
    }

    /** Refused as invalid_client, and the activity log names the trust and says why. */
    Directory.Activity refusedBecause(Answer a, String code) throws Exception {
        assertError(a, 401, "invalid_client");
        Directory.Activity entry = refusal(code);
        assertThat(entry.args().get(0)).isEqualTo(trust.clientId());
        assertThat(entry.outcome()).isEqualTo("rejected");
        return entry;
    }

    @Test
    void aValidAssertionObtainsATokenThatWorksOnUsers() throws Exception {
        Answer a = present(signed(entra.claims().build()));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        assertThat(a.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(a.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertThat(users(a.json().get("access_token").asText()).status()).isEqualTo(200);
        assertThat(trusts.list().get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void withoutClientIdTheTenantsTrustIsFoundByTheAssertion() throws Exception {
        Answer a = post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", signed(entra.claims().build())));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        assertThat(users(a.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void anUnsignedAssertionIsRefused() throws Exception {
        Directory.Activity e = refusedBecause(present(new PlainJWT(entra.claims().build()).serialize()),
                "activity.federation.algorithm");
        assertThat(e.args().get(1)).isEqualTo("none");
    }

    @Test
    void anHmacAssertionKeyedWithThePublicKeyIsRefused() throws Exception {
        for (byte[] secret : List.of(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                key.toRSAPublicKey().getEncoded())) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                    entra.claims().build());
            jwt.sign(new MACSigner(secret));
            Directory.Activity e = refusedBecause(present(jwt.serialize()), "activity.federation.algorithm");
            assertThat(e.args().get(1)).isEqualTo("HS256");
        }
    }

    @Test
    void aSignatureByAnotherKeyUnderThePublishedKidIsRefused() throws Exception {
        RSAKey impostor = EntraKeys.newKey("k1");
        refusedBecause(present(EntraKeys.sign(impostor, entra.claims().build())), "activity.federation.badSignature");
    }

    @Test
    void anUnknownKidMakesTheKeysBeReadAgainAtMostOnceInFiveMinutes() throws Exception {
        assertThat(present(signed(entra.claims().build())).status()).isEqualTo(200);
        assertThat(entra.fetches()).isEqualTo(1);

        // Entra rolls in a key this service has not seen: refused until the set may be read again...
        RSAKey rolled = EntraKeys.newKey("k2");
        entra.publish(rolled);
        Directory.Activity e = refusedBecause(present(EntraKeys.sign(rolled, entra.claims().build())),
                "activity.federation.unknownKey");
        assertThat(e.args().get(1)).isEqualTo("k2");
        assertThat(entra.fetches()).as("read again only after five minutes").isEqualTo(1);

        // ...then read again on the unknown kid, and accepted.
        clock.advance(Duration.ofMinutes(6));
        Answer a = present(EntraKeys.sign(rolled, entra.claims().build()));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        assertThat(entra.fetches()).isEqualTo(2);

        // A kid that is nowhere: read again (after the interval), then refused.
        clock.advance(Duration.ofMinutes(6));
        refusedBecause(present(EntraKeys.sign(EntraKeys.newKey("k3"), entra.claims().build())),
                "activity.federation.unknownKey");
        assertThat(entra.fetches()).isEqualTo(3);
    }

    @Test
    void anExpiredAssertionIsRefusedPastTheSixtySecondSkew() throws Exception {
        JWTClaimsSet justExpired = entra.claims().expirationTime(Date.from(clock.instant().minusSeconds(20))).build();
        assertThat(present(signed(justExpired)).status()).as("within the skew").isEqualTo(200);
        JWTClaimsSet expired = entra.claims().expirationTime(Date.from(clock.instant().minusSeconds(120))).build();
        refusedBecause(present(signed(expired)), "activity.federation.expired");
    }

    @Test
    void anAssertionNotYetValidIsRefused() throws Exception {
        JWTClaimsSet later = entra.claims().notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
                .build();
        refusedBecause(present(signed(later)), "activity.federation.notYetValid");
    }

    @Test
    void anotherEntraTenantsAssertionIsRefused() throws Exception {
        String other = EntraKeys.OTHER_TENANT;
        Directory.Activity e = refusedBecause(present(signed(entra.claims().issuer(EntraKeys.issuer(other))
                .claim("tid", other).build())), "activity.federation.wrongIssuer");
        assertThat(e.args().get(1)).isEqualTo(EntraKeys.issuer(other));
        refusedBecause(present(signed(entra.claims().claim("tid", other).build())),
                "activity.federation.wrongEntraTenant");
    }

    @Test
    void aWrongAudienceOrSubjectIsRefused() throws Exception {
        refusedBecause(present(signed(entra.claims().audience("api://someone-else").build())),
                "activity.federation.wrongAudience");
        Directory.Activity e = refusedBecause(present(signed(entra.claims().subject("another-app").build())),
                "activity.federation.wrongSubject");
        assertThat(e.args()).containsExactly(trust.clientId(), "another-app", EntraKeys.SUBJECT);
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        String assertion = signed(entra.claims().build());
        assertThat(present(assertion).status()).isEqualTo(200);
        refusedBecause(present(assertion), "activity.federation.replay");
    }

    @Test
    void anAssertionWithoutExpiryIsRefused() throws Exception {
        Directory.Activity e = refusedBecause(present(signed(entra.claims().expirationTime(null).build())),
                "activity.federation.missingClaim");
        assertThat(e.args().get(1)).isEqualTo("exp");
    }

    @Test
    void anAssertionWithoutJtiIsKnownByEntrasUtiElseByItsSignature() throws Exception {
        String withUti = signed(entra.claims().jwtID(null).claim("uti", "entra-uti-1").build());
        assertThat(present(withUti).status()).isEqualTo(200);
        assertThat(refusedBecause(present(signed(entra.claims().jwtID(null).claim("uti", "entra-uti-1").build())),
                "activity.federation.replay").args().get(1)).isEqualTo("entra-uti-1");
        String bare = signed(entra.claims().jwtID(null).build());
        assertThat(present(bare).status()).isEqualTo(200);
        assertError(present(bare), 401, "invalid_client");
        OAuthTokenEndpointTest.refusal(directory, tenantId, "activity.federation.replay",
                e -> e.args().get(1).startsWith("sig:"));
    }

    @Test
    void theAudienceAsEntrasConnectivityPageShowsItMatchesItsTokens() throws Exception {
        FederationTrusts.Added scoped = trusts.add(EntraKeys.TENANT, EntraKeys.SUBJECT,
                EntraKeys.AUDIENCE + "/.default", entra.url());
        Answer a = post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", signed(entra.claims().build()), "client_id",
                scoped.clientId(), "scope", "scim"));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
    }

    @Test
    void aHundredKilobyteAssertionIsRefusedCleanly() throws Exception {
        String huge = signed(entra.claims().claim("padding", "x".repeat(100 * 1024)).build());
        assertError(present(huge), 400, "invalid_request");
        assertThat(entra.fetches()).isZero();
    }

    @Test
    void badRequestsAreInvalidRequest() throws Exception {
        String assertion = signed(entra.claims().build());
        String type = TokenRequest.JWT_BEARER;
        for (String body : List.of(
                form("grant_type", "client_credentials", "client_assertion_type", type),
                form("grant_type", "client_credentials", "client_assertion", assertion),
                form("grant_type", "client_credentials", "client_assertion_type", "urn:example:saml",
                        "client_assertion", assertion),
                form("client_assertion_type", type, "client_assertion", assertion),
                form("grant_type", "client_credentials", "client_assertion_type", type, "client_assertion", assertion)
                        + "&client_assertion=" + assertion,
                form("grant_type", "client_credentials", "client_assertion_type", type, "client_assertion", assertion,
                        "client_assertion_type", type),
                form("grant_type", "client_credentials", "client_assertion_type", type, "client_assertion", assertion,
                        "client_secret", "s"))) {
            assertError(post(tokenEndpoint, FORM, body), 400, "invalid_request");
        }
        assertError(post(tokenEndpoint, "application/json", "{\"client_assertion\":\"" + assertion + "\"}"), 400,
                "invalid_request");
        assertError(post(tokenEndpoint, null, form("grant_type", "client_credentials", "client_assertion_type", type,
                "client_assertion", assertion)), 400, "invalid_request");
        assertThat(present(assertion).status()).as("none of them used the assertion").isEqualTo(200);
    }

    @Test
    void anotherGrantTypeIsUnsupportedAndAnUnknownClientIdIsInvalidClient() throws Exception {
        Answer a = post(tokenEndpoint, FORM, form("grant_type", "password", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", signed(entra.claims().build()), "client_id",
                trust.clientId()));
        assertError(a, 400, "unsupported_grant_type");
        a = post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", signed(entra.claims().build()), "client_id",
                "wif-nobody"));
        assertError(a, 401, "invalid_client");
        assertThat(refusal("activity.oauth.unknownClient").args()).containsExactly("wif-nobody");
    }

    @Test
    void anAccessTokenThatMatchesNoneIsLoggedWithoutItsText() throws Exception {
        String made = "3f2b6c1e-0000-4000-8000-000000000000.notAnIssuedSecret";
        assertThat(users(made).status()).isEqualTo(401);
        Directory.Activity e = refusal("activity.accessToken.unknown");
        assertThat(e.outcome()).isEqualTo("rejected");
        assertThat(String.join(" ", e.args()) + e.detail()).doesNotContain("notAnIssuedSecret", "3f2b6c1e");
    }

    @Test
    void aRemovedTrustIsRefusedAndItsTokensStop() throws Exception {
        String token = present(signed(entra.claims().build())).json().get("access_token").asText();
        assertThat(trusts.remove(trust.clientId())).isTrue();
        assertThat(trusts.list()).isEmpty();
        assertThat(users(token).status()).isEqualTo(401);
        assertError(present(signed(entra.claims().build())), 401, "invalid_client");
        assertThat(refusal("activity.oauth.revokedClient").args()).containsExactly(trust.clientId());
        Answer withoutId = post(tokenEndpoint, FORM, form("grant_type", "client_credentials",
                "client_assertion_type", TokenRequest.JWT_BEARER, "client_assertion",
                signed(entra.claims().build())));
        assertError(withoutId, 401, "invalid_client");
        refusal("activity.federation.noTrust");
    }

    @Test
    void rotationASecondTrustWorksBesideTheFirst() throws Exception {
        FederationTrusts.Added second = trusts.add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE,
                entra.url());
        Answer a = post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", signed(entra.claims().build()), "client_id",
                second.clientId()));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        trusts.remove(trust.clientId());
        assertThat(users(a.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void tooManyFailedTokenRequestsForOneClientGet429WithRetryAfter() throws Exception {
        Answer limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Answer a = post(tokenEndpoint, FORM, form("grant_type", "client_credentials", "client_id", "guessed",
                    "client_secret", "wrong"));
            if (a.status() == 429) {
                limited = a;
            }
        }
        assertThat(limited).as("a 429 within 200 requests").isNotNull();
        assertError(limited, 429, "temporarily_unavailable");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void withoutTheDevelopmentFlagALoopbackOrHttpKeysUrlIsRefusedAtAdd() {
        FederationTrusts production = new FederationTrusts(directory, directory.federation(),
                new KeySetAddress(false), clock);
        for (String[] refused : List.of(new String[] {entra.url(), "admin.federation.keysUrlLoopback"},
                new String[] {"https://127.0.0.1:8443/keys", "admin.federation.keysUrlLoopback"},
                new String[] {"https://localhost/keys", "admin.federation.keysUrlLoopback"},
                new String[] {"http://keys.example.com/keys", "admin.federation.keysUrlNotHttps"},
                new String[] {"ftp://keys.example.com/keys", "admin.federation.keysUrlInvalid"})) {
            assertThatThrownBy(() -> production.add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE,
                    refused[0])).isInstanceOfSatisfying(FederationInputException.class,
                            e -> assertThat(e.why().code()).as(refused[0]).isEqualTo(refused[1]));
        }
        assertThat(production.add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE, null).keysUrl())
                .isEqualTo("https://login.microsoftonline.com/" + EntraKeys.TENANT + "/discovery/v2.0/keys");
        // With the flag, plain http is still only for loopback.
        assertThatThrownBy(() -> trusts.add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE,
                "http://keys.example.com/keys")).isInstanceOf(FederationInputException.class);
    }

    @Test
    void withoutTheDevelopmentFlagALoopbackKeysUrlIsNeverFetched() throws Exception {
        assumeThat(System.getenv(KeySetAddress.DEV_LOOPBACK_HTTP)).as("the flag is not set for the tests").isNull();
        assertThat(KeySetAddress.fromEnvironment().devLoopbackHttp()).isFalse();
        ServiceRuntime production = start(otherData, false);
        SqlDirectory dir = production.directory();
        String tenant = new TenantAdmin(dir, clock).enable().tenantId();
        // As if written by a process that had the flag: the service without it still refuses to fetch from there.
        dir.federation().addTrust(tenant, "wif-dev", EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE,
                entra.url());
        Answer a = post(production.server().config().tokenEndpoint(tenant), FORM, form("grant_type",
                "client_credentials", "client_assertion_type", TokenRequest.JWT_BEARER, "client_assertion",
                signed(entra.claims().build()), "client_id", "wif-dev"));
        assertError(a, 401, "invalid_client");
        assertThat(entra.fetches()).isZero();
        directory = dir;
        tenantId = tenant;
        assertThat(refusal("activity.federation.keysUrlRefused").args()).containsExactly("wif-dev", entra.url());
    }
}
