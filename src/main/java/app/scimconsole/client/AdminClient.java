package app.scimconsole.client;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException.Reason;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.AdminJson;
import app.scimconsole.http.OutboundHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/** The console's admin client: {@link AdminApi} over HTTP (Jetty's client), authenticated with the admin credential. */
public final class AdminClient implements AdminApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest silence while an answer comes. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final WebAddress base;
    private final String credential;

    /** {@code adminUrl} is the service's admin base, e.g. {@code http://127.0.0.1:8089/admin/v1}. */
    public AdminClient(String adminUrl, String credential) {
        WebAddress parsed = WebAddress.parse(adminUrl);
        if (parsed == null) {
            throw new AdminException(0, "'" + adminUrl + "' is not a valid http(s) address.", Reason.INVALID_ADDRESS,
                    String.valueOf(adminUrl));
        }
        this.base = parsed;
        this.credential = credential;
        this.http = ConsoleHttp.connectingWithin(CONNECT_TIMEOUT);
    }

    @Override
    public Overview overview() {
        return call("GET", url("overview"), null, type(Overview.class));
    }

    /** A service older than this light read answers 404 for it: its overview says the same. */
    @Override
    public StorageState storageState() {
        try {
            return call("GET", url("storage"), null, type(StorageState.class));
        } catch (AdminException e) {
            if (e.status() != 404 || e.why() != null) {
                throw e;
            }
            return new StorageState(overview().storageOutage());
        }
    }

    @Override
    public Credentials enableScim() {
        return call("POST", url("scim", "enable"), Map.of(), type(Credentials.class));
    }

    @Override
    public String rotateToken(int overlapMinutes) {
        JsonNode n = call("POST", url("scim", "rotate-token"), Map.of("overlapMinutes", overlapMinutes), type(JsonNode.class));
        return n.path("secretToken").asText();
    }

    @Override
    public void disableScim() {
        call("POST", url("scim", "disable"), Map.of(), type(JsonNode.class));
    }

    @Override
    public void setAuthMethod(String method) {
        call("PUT", url("scim", "auth-method"), Map.of("method", method), type(JsonNode.class));
    }

    @Override
    public NewClientSecret addOAuthClient(int expiryDays) {
        return call("POST", url("oauth-clients"), Map.of("expiryDays", expiryDays), type(NewClientSecret.class));
    }

    @Override
    public NewClientSecret rotateOAuthSecret(String clientId, int expiryDays) {
        return call("POST", url("oauth-clients", clientId, "secrets"), Map.of("expiryDays", expiryDays),
                type(NewClientSecret.class));
    }

    @Override
    public void retireOAuthSecret(String clientId, String secretId) {
        call("DELETE", url("oauth-clients", clientId, "secrets", secretId), null, type(JsonNode.class));
    }

    @Override
    public void removeOAuthClient(String clientId) {
        call("DELETE", url("oauth-clients", clientId), null, type(JsonNode.class));
    }

    @Override
    public UserPage users(UserQuery q) {
        WebAddress u = url("users")
                .query("search", q.search())
                .query("status", q.status() == null ? null : q.status().name())
                .query("domain", q.domain())
                .query("sortBy", q.sortBy())
                .query("sortOrder", q.descending() ? "descending" : "ascending")
                .query("startIndex", Integer.toString(q.startIndex()))
                .query("count", Integer.toString(q.count()))
                .query("cursor", q.cursor());
        return call("GET", u, null, type(UserPage.class));
    }

    @Override
    public UserDetail user(String id) {
        return call("GET", url("users", id), null, type(UserDetail.class));
    }

    @Override
    public GroupPage groups(GroupQuery q) {
        WebAddress u = url("groups")
                .query("search", q.search())
                .query("startIndex", Integer.toString(q.startIndex()))
                .query("count", Integer.toString(q.count()))
                .query("cursor", q.cursor());
        return call("GET", u, null, type(GroupPage.class));
    }

    @Override
    public UserPage groupMembers(String groupId, int startIndex, int count, String cursor) {
        WebAddress u = url("groups", groupId, "members")
                .query("startIndex", Integer.toString(startIndex))
                .query("count", Integer.toString(count))
                .query("cursor", cursor);
        return call("GET", u, null, type(UserPage.class));
    }

    @Override
    public List<ActivityEntry> activity(ActivityQuery q) {
        WebAddress u = url("activity")
                .query("outcome", q.outcome() == null ? null : q.outcome().name())
                .query("text", q.text())
                .query("limit", Integer.toString(q.limit()));
        return call("GET", u, null, AdminJson.MAPPER.getTypeFactory().constructType(new TypeReference<List<ActivityEntry>>() {
        }));
    }

    @Override
    public List<ActivityEntry> history(String resourceId, int limit) {
        WebAddress u = url("history", resourceId)
                .query("limit", Integer.toString(limit));
        return call("GET", u, null, AdminJson.MAPPER.getTypeFactory().constructType(new TypeReference<List<ActivityEntry>>() {
        }));
    }

    @Override
    public int historyRetentionDays() {
        AdminApi.HistorySettings answer = call("GET", url("settings", "history"), null,
                type(AdminApi.HistorySettings.class));
        return answer.retentionDays();
    }

    @Override
    public int setHistoryRetentionDays(int days) {
        AdminApi.HistorySettings answer = call("PUT", url("settings", "history"), Map.of("retentionDays", days),
                type(AdminApi.HistorySettings.class));
        return answer.retentionDays();
    }

    @Override
    public String connectionTestTag() {
        TestTag answer = call("POST", url("scim", "test-tag"), Map.of(), type(TestTag.class));
        return answer.tag();
    }

    /** The admin API's answer to a test-tag request. */
    public record TestTag(String tag) {
    }

    @Override
    public Traffic traffic() {
        return call("GET", url("traffic"), null, type(Traffic.class));
    }

    @Override
    public List<EventReaderEntry> eventReaders() {
        return call("GET", url("events", "readers"), null, AdminJson.MAPPER.getTypeFactory().constructType(
                new TypeReference<List<EventReaderEntry>>() {
                }));
    }

    @Override
    public IssuedEventReader issueEventReader(String label) {
        Map<String, Object> body = new HashMap<>();
        body.put("label", label);
        return call("POST", url("events", "readers"), body, type(IssuedEventReader.class));
    }

    @Override
    public void revokeEventReader(String id) {
        call("DELETE", url("events", "readers", id), null, type(JsonNode.class));
    }

    @Override
    public List<WebhookEntry> webhooks() {
        return call("GET", url("webhooks"), null, AdminJson.MAPPER.getTypeFactory().constructType(
                new TypeReference<List<WebhookEntry>>() {
                }));
    }

    @Override
    public WebhookAdded addWebhook(String url, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events == null ? List.of() : events);
        return call("POST", url("webhooks"), body, type(WebhookAdded.class));
    }

    @Override
    public void removeWebhook(String id) {
        call("DELETE", url("webhooks", id), null, type(JsonNode.class));
    }

    @Override
    public WebhookReplayed replayWebhook(String id, String after) {
        Map<String, Object> body = new HashMap<>();
        body.put("after", after);
        return call("POST", url("webhooks", id, "replay"), body, type(WebhookReplayed.class));
    }

    @Override
    public WebhookSecretRotated rotateWebhookSecret(String id) {
        return call("POST", url("webhooks", id, "rotate-secret"), Map.of(), type(WebhookSecretRotated.class));
    }

    @Override
    public List<DomainEntry> domains() {
        return call("GET", url("domains"), null, AdminJson.MAPPER.getTypeFactory().constructType(new TypeReference<List<DomainEntry>>() {
        }));
    }

    @Override
    public DomainEntry addDomain(String name) {
        return call("POST", url("domains"), Map.of("name", name), type(DomainEntry.class));
    }

    @Override
    public DomainEntry verifyDomain(String name) {
        return call("POST", url("domains", name, "verify"), Map.of(), type(DomainEntry.class));
    }

    @Override
    public void removeDomain(String name) {
        call("DELETE", url("domains", name), null, type(JsonNode.class));
    }

    @Override
    public List<FederationTrust> federationTrusts() {
        return call("GET", url("federation", "trusts"), null, AdminJson.MAPPER.getTypeFactory()
                .constructType(new TypeReference<List<FederationTrust>>() {
                }));
    }

    @Override
    public FederationTrustAdded addFederationTrust(NewFederationTrust trust) {
        return call("POST", url("federation", "trusts"), trust, type(FederationTrustAdded.class));
    }

    @Override
    public void removeFederationTrust(String clientId) {
        call("DELETE", url("federation", "trusts", clientId), null, type(JsonNode.class));
    }

    private WebAddress url(String... segments) {
        return base.path(segments);
    }

    private static JavaType type(Class<?> c) {
        return AdminJson.MAPPER.getTypeFactory().constructType(c);
    }

    private <T> T call(String method, WebAddress url, Object body, JavaType answer) {
        Request request = http.newRequest(url.uri()).method(method)
                .headers(h -> h.put("Authorization", "Bearer " + credential))
                .idleTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (body != null) {
            try {
                request.body(new BytesRequestContent("application/json; charset=utf-8",
                        AdminJson.MAPPER.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new AdminException(0, "The request could not be prepared.");
            }
        }
        try {
            OutboundHttp.Answer response = OutboundHttp.send(request, OutboundHttp.WHOLE_BODY);
            byte[] bytes = response.body();
            if (response.status() < 200 || response.status() >= 300) {
                throw failure(response.status(), bytes);
            }
            if (bytes.length == 0) {
                return null;
            }
            try {
                return AdminJson.MAPPER.readValue(bytes, answer);
            } catch (JsonProcessingException e) {
                // a web page or another program's answer: whatever answered is not this admin API
                throw new AdminException(response.status(), "The answer is not the admin API's: " + e.getOriginalMessage(),
                        Reason.NOT_A_SERVICE);
            }
        } catch (UnknownHostException e) {
            throw new AdminException(0, "The service's host name '" + url.host() + "' could not be found.",
                    Reason.HOST_UNKNOWN, url.host());
        } catch (ConnectException e) {
            String at = url.host() + ":" + url.port();
            throw new AdminException(0, "The service at " + at + " is not running or not reachable.", Reason.UNREACHABLE, at);
        } catch (SocketTimeoutException e) {
            throw new AdminException(0, "The service did not answer in time.", Reason.TIMEOUT);
        } catch (SSLException e) {
            throw new AdminException(0, "A secure connection to the service could not be set up: " + e.getMessage(),
                    Reason.SECURE_CONNECTION, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new AdminException(0, "The service could not be reached: " + e.getMessage(), Reason.NETWORK,
                    String.valueOf(e.getMessage()));
        }
    }

    /**
     * The service's reason when it sent one; otherwise a failure by status, its words (an admin API's English, or
     * whatever else answered) kept as the message, for logs.
     */
    private static AdminException failure(int code, byte[] body) {
        String detail = "";
        try {
            JsonNode n = AdminJson.MAPPER.readTree(body);
            detail = n.path("detail").asText("");
            if (n.hasNonNull("code")) {
                List<String> args = new ArrayList<>();
                n.path("args").forEach(a -> args.add(a.asText()));
                return new AdminException(code, detail, new app.scimconsole.admin.Reason(n.path("code").asText(),
                        args));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: judged by its status alone
        }
        if (code == 401 || code == 403) {
            return new AdminException(code, or(detail, "The service refused the admin credential."),
                    Reason.CREDENTIAL_REFUSED);
        }
        if (code == 404 || code == 405) {
            return new AdminException(code, or(detail, "The service does not know that address."), Reason.NOT_A_SERVICE);
        }
        return new AdminException(code, or(detail, "The service failed (HTTP " + code + ")."), Reason.SERVICE_FAILED,
                String.valueOf(code));
    }

    private static String or(String detail, String otherwise) {
        return detail.isBlank() ? otherwise : detail;
    }
}
