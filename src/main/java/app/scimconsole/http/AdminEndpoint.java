package app.scimconsole.http;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.AdminJson;
import app.scimconsole.admin.Reason;
import app.scimconsole.directory.StorageException;
import app.scimconsole.http.RouteTable.Found;
import app.scimconsole.http.RouteTable.Match;
import app.scimconsole.http.RouteTable.MethodNotAllowed;
import app.scimconsole.scim.ScimException;
import app.scimconsole.service.AdminCredentials;
import app.scimconsole.service.Rejections;
import app.scimconsole.service.SignInThrottle;
import app.scimconsole.service.StorageFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's admin API, {@code /admin/v1/...}: JSON over HTTP in front of an {@link AdminApi}. Authenticated
 * with an admin credential; requests a browser sends on a web page's behalf (they carry {@code Origin}) are
 * refused, so a page the owner visits cannot drive it.
 */
final class AdminEndpoint implements Endpoint {
    static final String PREFIX = "/admin/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    private static final int PAGE = 100;

    /** One admin operation: its answer as JSON, or null for 204. */
    @FunctionalInterface
    private interface Operation {
        Object answer(Exchange ex, Found<Operation> route) throws IOException;
    }

    /** What a failure tells the client: the status and the {@code detail} of the JSON body. */
    /** An error answer: its status, the words for logs and for older consoles, and the reason as data. */
    private record Failure(int status, String detail, Reason why) {
    }

    private final AdminCredentials credentials;
    private final SignInThrottle failedSignIns;
    private final StorageFaults storageFaults;
    private final RouteTable<Operation> routes;

    AdminEndpoint(AdminApi api, AdminCredentials credentials, SignInThrottle failedSignIns,
            StorageFaults storageFaults) {
        this.credentials = credentials;
        this.failedSignIns = failedSignIns;
        this.storageFaults = storageFaults;
        this.routes = RouteTable.<Operation>builder()
                .route("GET", "overview", (ex, r) -> api.overview())
                .route("GET", "storage", (ex, r) -> api.storageState())
                .route("POST", "scim/enable", (ex, r) -> api.enableScim())
                .route("POST", "scim/rotate-token", (ex, r) -> AdminJson.MAPPER.createObjectNode()
                        .put("secretToken", api.rotateToken(body(ex).path("overlapMinutes").asInt(0))))
                .route("POST", "scim/test-tag", (ex, r) -> AdminJson.MAPPER.createObjectNode()
                        .put("tag", api.connectionTestTag()))
                .route("POST", "scim/disable", (ex, r) -> {
                    api.disableScim();
                    return AdminJson.MAPPER.createObjectNode().put("enabled", false);
                })
                .route("PUT", "scim/auth-method", (ex, r) -> {
                    api.setAuthMethod(body(ex).path("method").asText(null));
                    return null;
                })
                .route("POST", "oauth-clients", (ex, r) -> api.addOAuthClient(expiryDays(ex)))
                .route("POST", "oauth-clients/{id}/secrets", (ex, r) ->
                        api.rotateOAuthSecret(r.param("id"), expiryDays(ex)))
                .route("DELETE", "oauth-clients/{id}/secrets/{secret}", (ex, r) -> {
                    api.retireOAuthSecret(r.param("id"), r.param("secret"));
                    return null;
                })
                .route("DELETE", "oauth-clients/{id}", (ex, r) -> {
                    api.removeOAuthClient(r.param("id"));
                    return null;
                })
                .route("GET", "users", (ex, r) -> api.users(new AdminApi.UserQuery(ex.param("search"),
                        enumParam(ex.param("status"), AdminApi.UserStatus.class, AdminApi.UserStatus.ANY),
                        ex.param("domain"), ex.param("sortBy"), "descending".equalsIgnoreCase(ex.param("sortOrder")),
                        intParam(ex, "startIndex", 1), intParam(ex, "count", PAGE), ex.param("cursor"))))
                .route("GET", "users/{id}", (ex, r) -> api.user(r.param("id")))
                .route("GET", "groups", (ex, r) -> api.groups(new AdminApi.GroupQuery(ex.param("search"),
                        intParam(ex, "startIndex", 1), intParam(ex, "count", PAGE), ex.param("cursor"))))
                .route("GET", "groups/{id}/members", (ex, r) -> api.groupMembers(r.param("id"),
                        intParam(ex, "startIndex", 1), intParam(ex, "count", PAGE), ex.param("cursor")))
                .route("GET", "activity", (ex, r) -> api.activity(new AdminApi.ActivityQuery(
                        enumParam(ex.param("outcome"), AdminApi.Outcome.class, AdminApi.Outcome.ANY), ex.param("text"),
                        intParam(ex, "limit", 200))))
                .route("GET", "history/{id}", (ex, r) -> api.history(r.param("id"), intParam(ex, "limit", 200)))
                .route("GET", "settings/history", (ex, r) ->
                        new AdminApi.HistorySettings(api.historyRetentionDays()))
                .route("PUT", "settings/history", (ex, r) ->
                        new AdminApi.HistorySettings(api.setHistoryRetentionDays(retentionDays(ex))))
                .route("GET", "traffic", (ex, r) -> api.traffic())
                .route("GET", "events/readers", (ex, r) -> api.eventReaders())
                .route("POST", "events/readers", (ex, r) -> api.issueEventReader(label(ex)))
                .route("DELETE", "events/readers/{id}", (ex, r) -> {
                    api.revokeEventReader(r.param("id"));
                    return null;
                })
                .route("GET", "webhooks", (ex, r) -> api.webhooks())
                .route("POST", "webhooks", (ex, r) -> {
                    JsonNode b = body(ex);
                    return api.addWebhook(text(b, "url"), texts(b, "events"));
                })
                .route("DELETE", "webhooks/{id}", (ex, r) -> {
                    api.removeWebhook(r.param("id"));
                    return null;
                })
                .route("POST", "webhooks/{id}/replay", (ex, r) -> api.replayWebhook(r.param("id"),
                        cursor(body(ex), "after")))
                .route("POST", "webhooks/{id}/rotate-secret", (ex, r) -> api.rotateWebhookSecret(r.param("id")))
                .route("GET", "domains", (ex, r) -> api.domains())
                .route("POST", "domains", (ex, r) -> api.addDomain(domainName(ex)))
                .route("DELETE", "domains/{name}", (ex, r) -> {
                    api.removeDomain(r.param("name"));
                    return null;
                })
                .route("POST", "domains/{name}/verify", (ex, r) -> api.verifyDomain(r.param("name")))
                .route("GET", "federation/trusts", (ex, r) -> api.federationTrusts())
                .route("POST", "federation/trusts", (ex, r) -> api.addFederationTrust(newTrust(ex)))
                .route("DELETE", "federation/trusts/{clientId}", (ex, r) -> {
                    api.removeFederationTrust(r.param("clientId"));
                    return null;
                })
                .build();
    }

    @Override
    public void answer(Exchange ex) {
        try {
            admit(ex);
            Object answer = dispatch(ex);
            if (answer == null) {
                ex.sendEmpty(204);
            } else {
                ex.send(200, "application/json", AdminJson.MAPPER.writeValueAsBytes(answer));
            }
        } catch (Exception e) {
            send(ex, failure(ex, e));
        }
    }

    /** Web pages are refused before anything else, then anyone without a valid admin credential. */
    private void admit(Exchange ex) {
        if (ex.header("Origin") != null || "cross-site".equalsIgnoreCase(ex.header("Sec-Fetch-Site"))) {
            throw new AdminException(403, "The admin API does not accept requests from web pages.");
        }
        String client = ex.clientAddress();
        long wait = failedSignIns.secondsToWait(client);
        if (wait > 0) {
            ex.setHeader("Retry-After", Long.toString(wait));
            throw new AdminException(429, "Too many wrong admin credentials from " + client + "; try again in " + wait
                    + " s.", Reason.of("admin.tooManyWrongCredentials", client, wait));
        }
        if (!credentials.accepts(bearer(ex.header("Authorization")))) {
            failedSignIns.failed(client);
            ex.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM Console admin\"");
            throw new AdminException(401, "The admin credential is missing or not valid.");
        }
    }

    private Object dispatch(Exchange ex) throws IOException {
        Match<Operation> match = routes.match(ex.method(), RouteTable.segments(ex.rawPath(), PREFIX));
        if (match instanceof Found<Operation> found) {
            return found.handler().answer(ex, found);
        }
        if (match instanceof MethodNotAllowed<Operation> notAllowed) {
            ex.setHeader("Allow", notAllowed.allowHeader());
            throw new AdminException(405, ex.method() + " is not allowed here; use " + notAllowed.allowHeader() + ".");
        }
        throw new AdminException(404, "No such admin operation.");
    }

    /**
     * The one place a failure becomes an answer; an outage of the store is a 503 the console says in its owner's
     * words (logged once a minute), anything unforeseen is logged and told only as a 500.
     */
    private Failure failure(Exchange ex, Exception e) {
        if (e instanceof AdminException a) {
            return new Failure(a.status(), a.getMessage(), a.why());
        }
        if (e instanceof StorageException outage && outage.isOutage()) {
            ex.setHeader("Retry-After", Integer.toString(StorageFaults.RETRY_AFTER_SECONDS));
            e = storageFaults.refusal(outage);
        }
        if (e instanceof ScimException s) {
            return new Failure(s.status(), s.detail(), Rejections.reasonOf(s));
        }
        LOG.error("Admin request {} {} failed", ex.method(), ex.rawPath(), e);
        return new Failure(500, "The service could not complete the request.", null);
    }

    private static void send(Exchange ex, Failure failure) {
        if (ex.status() != 0) {
            return; // the answer is already on its way; nothing more can be said
        }
        ObjectNode body = AdminJson.MAPPER.createObjectNode().put("status", Integer.toString(failure.status()))
                .put("detail", failure.detail());
        if (failure.why() != null) {
            body.put("code", failure.why().code()).set("args", AdminJson.MAPPER.valueToTree(failure.why().args()));
        }
        ex.send(failure.status(), "application/json", Json.bytes(body));
    }

    private static String domainName(Exchange ex) throws IOException {
        String name = body(ex).path("name").asText("");
        if (name.isBlank()) {
            throw new AdminException(400, "Give the domain's name.", Reason.of("admin.domainNameMissing"));
        }
        return name;
    }

    /** The owner's note on a reader credential; absent (or not text): none. */
    private static String label(Exchange ex) throws IOException {
        return text(body(ex), "label");
    }

    private static int expiryDays(Exchange ex) throws IOException {
        return wholeNumber(ex, "expiryDays");
    }

    private static AdminApi.NewFederationTrust newTrust(Exchange ex) throws IOException {
        JsonNode b = body(ex);
        return new AdminApi.NewFederationTrust(text(b, "entraTenant"), text(b, "subject"), text(b, "audience"),
                text(b, "keysUrl"));
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.path(name);
        return v.isTextual() ? v.asText() : null;
    }

    /** A cursor in the body, as text or as a whole number (the pull feed gives it as text). */
    private static String cursor(JsonNode body, String name) {
        JsonNode v = body.path(name);
        return v.isIntegralNumber() ? v.asText() : text(body, name);
    }

    /** A list of texts in the body (absent: none); anything else in it is a 400. */
    private static List<String> texts(JsonNode body, String name) {
        JsonNode v = body.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        v.forEach(item -> out.add(item.isTextual() ? item.asText() : null));
        if (!v.isArray() || out.contains(null)) {
            throw new AdminException(400, name + " must be a list of texts.", Reason.of("admin.notAList", name));
        }
        return out;
    }

    private static int retentionDays(Exchange ex) throws IOException {
        return wholeNumber(ex, "retentionDays");
    }

    /** A whole-number field of the request's JSON body. */
    private static int wholeNumber(Exchange ex, String field) throws IOException {
        JsonNode days = body(ex).path(field);
        if (!days.canConvertToInt() || !days.isIntegralNumber()) {
            throw new AdminException(400, field + " must be a whole number.",
                    Reason.of("admin.notANumber", field));
        }
        return days.intValue();
    }

    private static JsonNode body(Exchange ex) throws IOException {
        byte[] bytes = ex.body();
        if (bytes.length == 0) {
            return AdminJson.MAPPER.createObjectNode();
        }
        return Json.parse(bytes);
    }

    private static int intParam(Exchange ex, String name, int dflt) {
        String v = ex.param(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new AdminException(400, name + " must be a whole number.", Reason.of("admin.notANumber", name));
        }
    }

    private static <E extends Enum<E>> E enumParam(String value, Class<E> type, E dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    /** The credential of an {@code Authorization: Bearer} header, else null. */
    static String bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
