package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.OAuthClients;
import app.scimconsole.service.SecretTokens;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant's OAuth 2.0 token endpoint over real HTTP on loopback (RFC 6749 §4.4, §2.3.1, §5.2), and the access
 * tokens it issues on the tenant URL: the happy path, every kind of bad request, expiry through the service's clock,
 * and revocation by removing the client or disabling the SCIM app. The *PostgresTest subclass runs it on PostgreSQL.
 */
class OAuthTokenEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path data;

    final ManualClock clock = ManualClock.shiftedFromNow();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ServiceRuntime runtime;
    SqlDirectory directory;
    String tenantId;
    String tokenEndpoint;
    OAuthClients clients;
    OAuthClients.NewSecret client;

    SqlDirectory openDirectory() {
        return SqliteDirectory.open(data);
    }

    @BeforeEach
    void start() throws IOException {
        runtime = ServiceRuntime.start(openDirectory(), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, 4), null, clock);
        directory = runtime.directory();
        tenantId = new TenantAdmin(directory, clock).enable().tenantId();
        tokenEndpoint = runtime.server().config().tokenEndpoint(tenantId);
        clients = new OAuthClients(directory, directory.oauth(), clock);
        client = clients.add(OAuthClients.DEFAULT_EXPIRY_DAYS);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer post(String url, String contentType, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    Answer get(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    Answer postGrant(String id, String secret) throws Exception {
        return post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials", "client_id", id,
                "client_secret", secret));
    }

    String obtainToken() throws Exception {
        Answer a = postGrant(client.clientId(), client.clientSecret());
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        return a.json().get("access_token").asText();
    }

    Answer users(String accessToken) throws Exception {
        return get(runtime.server().tenantUrl(tenantId) + "/Users", "Bearer " + accessToken);
    }

    /** Asserts a §5.2 error: its status, its code, and that it is never cached. */
    static void assertError(Answer a, int status, String error) throws IOException {
        assertThat(a.status()).as(a.response().body()).isEqualTo(status);
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertThat(a.header("Pragma")).isEqualTo("no-cache");
    }

    /** The newest refused activity entry of {@code tenant} with {@code code}, waited for (refusals are written off the request's thread). */
    Directory.Activity refusal(String tenant, String code) throws InterruptedException {
        return refusal(directory, tenant, code);
    }

    /** The newest refused activity entry of {@code tenant} in {@code directory} with {@code code}, waited for. */
    static Directory.Activity refusal(Directory directory, String tenant, String code) throws InterruptedException {
        return refusal(directory, tenant, code, a -> true);
    }

    /** The newest such entry that {@code which} also accepts, waited for. */
    static Directory.Activity refusal(Directory directory, String tenant, String code,
            java.util.function.Predicate<Directory.Activity> which) throws InterruptedException {
        for (int i = 0; i < 600; i++) { // up to 30 s: a loaded machine writes late, never wrongly
            for (Directory.Activity a : directory.activity(tenant, 50)) {
                if (code.equals(a.code()) && which.test(a)) {
                    return a;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no activity " + code + " in " + directory.activity(tenant, 50));
    }

    @Test
    void clientSecretPostObtainsATokenThatWorksOnUsersLikeASecretToken() throws Exception {
        Answer a = postGrant(client.clientId(), client.clientSecret());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(a.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertThat(a.header("Pragma")).isEqualTo("no-cache");
        String token = a.json().get("access_token").asText();
        assertThat(users(token).status()).isEqualTo(200);
        assertThat(clients.list().get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void clientSecretBasicObtainsAToken() throws Exception {
        Answer a = post(tokenEndpoint, FORM + "; charset=UTF-8", basic(client.clientId(), client.clientSecret()),
                form("grant_type", "client_credentials"));
        assertThat(a.status()).as(a.response().body()).isEqualTo(200);
        assertThat(users(a.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void theTokenExpiresAfterTheTenantsLifetime() throws Exception {
        clients.setAccessTokenLifetime(Duration.ofHours(2));
        Answer a = postGrant(client.clientId(), client.clientSecret());
        assertThat(a.json().get("expires_in").asLong()).isEqualTo(7200);
        String token = a.json().get("access_token").asText();
        clock.advance(Duration.ofMinutes(119));
        assertThat(users(token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        Answer refused = users(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        Directory.Activity entry = refusal(tenantId, "activity.accessToken.expired");
        assertThat(entry.args()).contains(client.clientId()).doesNotContain(token);
    }

    @Test
    void aLifetimeOutsideOneToSixHoursIsRefused() {
        for (Duration d : List.of(Duration.ofMinutes(59), Duration.ofHours(7))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.setAccessTokenLifetime(d))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void removingTheClientRevokesItsTokensAndSecrets() throws Exception {
        String token = obtainToken();
        assertThat(clients.remove(client.clientId())).isTrue();
        assertThat(users(token).status()).isEqualTo(401);
        assertThat(refusal(tenantId, "activity.accessToken.revoked").args()).contains(client.clientId());
        assertError(postGrant(client.clientId(), client.clientSecret()), 401, "invalid_client");
        assertThat(refusal(tenantId, "activity.oauth.revokedClient").args()).containsExactly(client.clientId());
    }

    @Test
    void disablingTheAppRefusesTokensAndNewGrants() throws Exception {
        String token = obtainToken();
        new TenantAdmin(directory, clock).disable();
        assertThat(users(token).status()).isEqualTo(401);
        refusal(tenantId, "activity.accessToken.appDisabled");
        assertError(postGrant(client.clientId(), client.clientSecret()), 400, "invalid_grant");
    }

    @Test
    void aTokenOfOneTenantNeverWorksForAnother() throws Exception {
        Directory.Tenant other = directory.createTenant();
        directory.setScimEnabled(other.id(), true);
        String otherSecret = SecretTokens.generate();
        directory.oauth().addClient(other.id(), "scim-other", SecretTokens.hash(otherSecret),
                clock.instant().plus(Duration.ofDays(365)));
        String otherEndpoint = runtime.server().config().tokenEndpoint(other.id());
        Answer a = post(otherEndpoint, FORM, null, form("grant_type", "client_credentials", "client_id",
                "scim-other", "client_secret", otherSecret));
        String otherToken = a.json().get("access_token").asText();
        assertThat(get(runtime.server().tenantUrl(other.id()) + "/Users", "Bearer " + otherToken).status())
                .isEqualTo(200);
        assertThat(users(otherToken).status()).isEqualTo(401);
        assertThat(refusal(other.id(), "activity.accessToken.wrongTenant").args()).contains("scim-other");
        // and a client of one tenant obtains nothing at another tenant's endpoint
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials", "client_id",
                "scim-other", "client_secret", otherSecret)), 401, "invalid_client");
        refusal(other.id(), "activity.oauth.wrongTenant");
    }

    @Test
    void aWrongSecretIsInvalidClientAndBasicGetsItsChallenge() throws Exception {
        assertError(postGrant(client.clientId(), "wrong"), 401, "invalid_client");
        assertThat(refusal(tenantId, "activity.oauth.wrongSecret").args()).containsExactly(client.clientId());
        Answer basic = post(tokenEndpoint, FORM, basic(client.clientId(), "wrong"),
                form("grant_type", "client_credentials"));
        assertError(basic, 401, "invalid_client");
        assertThat(basic.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(postGrant(client.clientId(), "wrong").header("WWW-Authenticate")).isNull();
    }

    @Test
    void anUnknownClientIsInvalidClient() throws Exception {
        assertError(postGrant("scim-nobody", client.clientSecret()), 401, "invalid_client");
        refusal(tenantId, "activity.oauth.unknownClient");
    }

    @Test
    void anExpiredSecretIsRefusedAndSaysSo() throws Exception {
        clock.advance(Duration.ofDays(366));
        assertError(postGrant(client.clientId(), client.clientSecret()), 401, "invalid_client");
        refusal(tenantId, "activity.oauth.expiredSecret");
    }

    @Test
    void aRotatedSecretWorksBesideThePreviousOneAndRetiresTheOneBefore() throws Exception {
        OAuthClients.NewSecret second = clients.rotate(client.clientId(), 365);
        assertThat(postGrant(client.clientId(), client.clientSecret()).status()).isEqualTo(200);
        assertThat(postGrant(client.clientId(), second.clientSecret()).status()).isEqualTo(200);
        OAuthClients.NewSecret third = clients.rotate(client.clientId(), 730);
        assertError(postGrant(client.clientId(), client.clientSecret()), 401, "invalid_client");
        assertThat(postGrant(client.clientId(), second.clientSecret()).status()).isEqualTo(200);
        assertThat(postGrant(client.clientId(), third.clientSecret()).status()).isEqualTo(200);
        OAuthClients.Listed listed = clients.list().get(0);
        assertThat(listed.liveSecrets()).isEqualTo(2);
        assertThat(listed.secrets().get(1).expiresAt()).isEqualTo(third.expiresAt());
        assertThat(listed.secrets()).allSatisfy(x -> assertThat(x.lastUsedAt()).isNotNull());
    }

    @Test
    void badRequestsAreInvalidRequest() throws Exception {
        String id = client.clientId();
        String secret = client.clientSecret();
        // missing grant_type
        assertError(post(tokenEndpoint, FORM, null, form("client_id", id, "client_secret", secret)), 400,
                "invalid_request");
        // a parameter twice
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials", "grant_type",
                "client_credentials", "client_id", id, "client_secret", secret)), 400, "invalid_request");
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials", "client_id", id,
                "client_secret", secret, "client_secret", secret)), 400, "invalid_request");
        // JSON, or no content type at all
        assertError(post(tokenEndpoint, "application/json", null, "{\"grant_type\":\"client_credentials\"}"), 400,
                "invalid_request");
        assertError(post(tokenEndpoint, null, null, form("grant_type", "client_credentials", "client_id", id,
                "client_secret", secret)), 400, "invalid_request");
        // both authentication methods at once
        assertError(post(tokenEndpoint, FORM, basic(id, secret), form("grant_type", "client_credentials",
                "client_id", id, "client_secret", secret)), 400, "invalid_request");
        // 100 KB
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials", "client_id", id,
                "client_secret", secret, "scope", "x".repeat(100 * 1024))), 400, "invalid_request");
        // no client authentication at all
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "client_credentials")), 401,
                "invalid_client");
    }

    @Test
    void anotherGrantTypeIsUnsupported() throws Exception {
        assertError(post(tokenEndpoint, FORM, null, form("grant_type", "password", "client_id", client.clientId(),
                "client_secret", client.clientSecret(), "username", "a", "password", "b")), 400,
                "unsupported_grant_type");
    }

    @Test
    void aGetIsRefusedWithAllowPost() throws Exception {
        Answer a = get(tokenEndpoint + "?grant_type=client_credentials&client_id=" + client.clientId()
                + "&client_secret=" + client.clientSecret(), null);
        assertError(a, 405, "invalid_request");
        assertThat(a.header("Allow")).isEqualTo("POST");
    }

    @Test
    void theMetadataNamesTheTokenEndpointAndItsMethods() throws Exception {
        String base = runtime.server().config().baseUrl();
        Answer a = get(base + "/.well-known/oauth-authorization-server/oauth2/v1/" + tenantId, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode m = a.json();
        assertThat(m.get("issuer").asText()).isEqualTo(base + "/oauth2/v1/" + tenantId);
        assertThat(m.get("token_endpoint").asText()).isEqualTo(tokenEndpoint);
        assertThat(m.get("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(m.get("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post");
    }

    @Test
    void aSecretTokenStillWorksBesideOAuth() throws Exception {
        String secretToken = new TenantAdmin(directory, clock).rotate(Duration.ZERO).secretToken();
        assertThat(users(secretToken).status()).isEqualTo(200);
        assertThat(users(obtainToken()).status()).isEqualTo(200);
        assertThat(users(obtainToken() + "x").status()).isEqualTo(401);
        assertThat(users("00000000-0000-0000-0000-000000000000.abc").status()).isEqualTo(401);
    }
}
