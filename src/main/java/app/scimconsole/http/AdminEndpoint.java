package app.scimconsole.http;

import app.scimconsole.service.AdminCredentials;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.AdminJson;
import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's admin API, {@code /admin/v1/...}: JSON over HTTP in front of an {@link AdminApi}. Authenticated
 * with an admin credential; requests a browser sends on a web page's behalf (they carry {@code Origin}) are
 * refused, so a page the owner visits cannot drive it.
 */
final class AdminEndpoint implements HttpHandler {
    static final String PREFIX = "/admin/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    private static final int MAX_BODY = 64 * 1024;

    private final AdminApi api;
    private final AdminCredentials credentials;

    AdminEndpoint(AdminApi api, AdminCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange ex = new Exchange(http, MAX_BODY);
        try {
            if (ex.header("Origin") != null || "cross-site".equalsIgnoreCase(ex.header("Sec-Fetch-Site"))) {
                throw new AdminException(403, "The admin API does not accept requests from web pages.");
            }
            if (!credentials.accepts(bearer(ex.header("Authorization")))) {
                ex.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM Console admin\"");
                throw new AdminException(401, "The admin credential is missing or not valid.");
            }
            Object answer = route(ex, segments(ex.rawPath()));
            if (answer == null) {
                ex.sendEmpty(204);
            } else {
                ex.send(200, "application/json", AdminJson.MAPPER.writeValueAsBytes(answer));
            }
        } catch (AdminException e) {
            error(ex, e.status(), e.getMessage(), e.why());
        } catch (ScimException e) {
            error(ex, e.status(), e.detail(), null);
        } catch (Exception e) {
            LOG.error("Admin request {} {} failed", ex.method(), ex.rawPath(), e);
            error(ex, 500, "The service could not complete the request.", null);
        } finally {
            ex.close();
        }
    }

    private Object route(Exchange ex, List<String> s) throws IOException {
        String method = ex.method();
        String first = s.isEmpty() ? "" : s.get(0);
        switch (first) {
            case "overview" -> {
                return only(method, "GET", s, 1, api::overview);
            }
            case "scim" -> {
                require(method, "POST");
                String action = s.size() == 2 ? s.get(1) : "";
                switch (action) {
                    case "enable" -> {
                        return api.enableScim();
                    }
                    case "rotate-token" -> {
                        int overlap = body(ex).path("overlapMinutes").asInt(0);
                        ObjectNode o = AdminJson.MAPPER.createObjectNode();
                        return o.put("secretToken", api.rotateToken(overlap));
                    }
                    case "disable" -> {
                        api.disableScim();
                        return AdminJson.MAPPER.createObjectNode().put("enabled", false);
                    }
                    default -> throw notFound();
                }
            }
            case "users" -> {
                require(method, "GET");
                if (s.size() == 1) {
                    return api.users(new AdminApi.UserQuery(ex.param("search"),
                            enumParam(ex.param("status"), AdminApi.UserStatus.class, AdminApi.UserStatus.ANY),
                            ex.param("domain"), ex.param("sortBy"), "descending".equalsIgnoreCase(ex.param("sortOrder")),
                            intParam(ex, "startIndex", 1), intParam(ex, "count", 100)));
                }
                if (s.size() == 2) {
                    return api.user(s.get(1));
                }
                throw notFound();
            }
            case "groups" -> {
                require(method, "GET");
                if (s.size() == 1) {
                    return api.groups(ex.param("search"), intParam(ex, "startIndex", 1), intParam(ex, "count", 100));
                }
                if (s.size() == 3 && s.get(2).equals("members")) {
                    return api.groupMembers(s.get(1), intParam(ex, "startIndex", 1), intParam(ex, "count", 100));
                }
                throw notFound();
            }
            case "activity" -> {
                require(method, "GET");
                return api.activity(new AdminApi.ActivityQuery(
                        enumParam(ex.param("outcome"), AdminApi.Outcome.class, AdminApi.Outcome.ANY), ex.param("text"),
                        intParam(ex, "limit", 200)));
            }
            case "traffic" -> {
                return only(method, "GET", s, 1, api::traffic);
            }
            case "domains" -> {
                return domains(ex, method, s);
            }
            default -> throw notFound();
        }
    }

    private Object domains(Exchange ex, String method, List<String> s) throws IOException {
        if (s.size() == 1 && method.equals("GET")) {
            return api.domains();
        }
        if (s.size() == 1 && method.equals("POST")) {
            String name = body(ex).path("name").asText("");
            if (name.isBlank()) {
                throw new AdminException(400, "Give the domain's name.");
            }
            return api.addDomain(name);
        }
        if (s.size() == 3 && s.get(2).equals("verify") && method.equals("POST")) {
            return api.verifyDomain(s.get(1));
        }
        if (s.size() == 2 && method.equals("DELETE")) {
            api.removeDomain(s.get(1));
            return null;
        }
        throw new AdminException(s.size() <= 3 ? 405 : 404, "That is not an operation on domains.");
    }

    private static <T> T only(String method, String allowed, List<String> s, int size, java.util.function.Supplier<T> call) {
        require(method, allowed);
        if (s.size() != size) {
            throw notFound();
        }
        return call.get();
    }

    private static void require(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new AdminException(405, method + " is not allowed here; use " + allowed + ".");
        }
    }

    private static AdminException notFound() {
        return new AdminException(404, "No such admin operation.");
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
            throw new AdminException(400, name + " must be a whole number.");
        }
    }

    private static <E extends Enum<E>> E enumParam(String value, Class<E> type, E dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String p : rawPath.substring(Math.min(rawPath.length(), PREFIX.length())).split("/")) {
            if (!p.isEmpty()) {
                out.add(URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** The error body: the status, the words for logs, and the reason as data when there is one. */
    private static void error(Exchange ex, int status, String detail, Reason why) {
        if (ex.status() != 0) {
            return;
        }
        try {
            ObjectNode body = AdminJson.MAPPER.createObjectNode().put("status", Integer.toString(status)).put("detail", detail);
            if (why != null) {
                body.put("code", why.code()).set("args", AdminJson.MAPPER.valueToTree(why.args()));
            }
            ex.send(status, "application/json", AdminJson.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            LOG.debug("Client went away before the error could be sent", e);
        }
    }
}
