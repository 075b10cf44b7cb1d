package app.scimconsole.http;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.service.Provisioning;
import app.scimconsole.service.ResourceRenderer;
import app.scimconsole.service.ScimAccess;
import app.scimconsole.service.TenantRateLimiter;
import app.scimconsole.scim.MemberChange;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.AttributeProjection;
import app.scimconsole.scim.Discovery;
import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ListResponses;
import app.scimconsole.scim.PatchEngine;
import app.scimconsole.scim.PatchResult;
import app.scimconsole.scim.ResourceNormalizer;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM 2.0 protocol endpoint, {@code /scim/v2/<tenant>/...}: authentication, routing, the resource
 * operations, discovery, and the translation of every failure into an RFC 7644 §3.12 error.
 */
final class ScimEndpoint implements HttpHandler {
    static final String PREFIX = "/scim/v2/";
    private static final Logger LOG = LoggerFactory.getLogger(ScimEndpoint.class);

    private final ScimAccess access;
    private final Provisioning provisioning;
    private final ServiceConfig config;
    private final TenantRateLimiter requestRate;

    ScimEndpoint(ScimAccess access, Provisioning provisioning, ServiceConfig config) {
        this.access = access;
        this.provisioning = provisioning;
        this.config = config;
        this.requestRate = new TenantRateLimiter(config.limits().ratePerSecond(), config.limits().rateBurst(), System::nanoTime);
    }

    /** A parsed request target: tenant, then resource endpoint and optional id or sub-path. */
    private record Target(String tenantId, String endpoint, String id) {
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange ex = new Exchange(http, config.maxBodyBytes());
        ScimAccess.Caller caller = null;
        try {
            Target target = parse(ex.rawPath());
            String baseUrl = config.tenantUrl(target.tenantId());
            caller = access.admit(target.tenantId(), ex.header("Authorization"),
                    ex.header(AdminApi.CONNECTION_TEST_TAG_HEADER),
                    ex.method() + " " + target.endpoint(), target.endpoint());
            throttle(ex, target.tenantId());
            route(ex, target, baseUrl);
        } catch (ScimException e) {
            answerError(ex, caller, e);
        } catch (Exception e) {
            LOG.error("Unexpected failure answering {} {}", ex.method(), ex.rawPath(), e);
            answerError(ex, caller, new ScimException(500, null, "The service could not complete the request."));
        } finally {
            ex.close();
        }
    }

    private static Target parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            throw ScimException.notFound("No SCIM endpoint at this path.");
        }
        String[] parts = rawPath.substring(PREFIX.length()).split("/", -1);
        List<String> segs = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                segs.add(URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (segs.isEmpty() || segs.size() > 3) {
            throw ScimException.notFound("No SCIM endpoint at this path. The tenant URL looks like "
                    + "<public URL>/scim/v2/<tenant id>; resources are below it (/Users, /Groups).");
        }
        return new Target(segs.get(0), segs.size() > 1 ? segs.get(1) : "", segs.size() > 2 ? segs.get(2) : null);
    }

    /**
     * Counted only after authentication, so that nobody without the token can use up the tenant's budget and
     * lock Entra out.
     */
    private void throttle(Exchange ex, String tenantId) {
        long wait = requestRate.secondsToWait(tenantId);
        if (wait > 0) {
            ex.setHeader("Retry-After", Long.toString(wait));
            throw new ScimException(429, null, "Too many requests for this tenant (more than "
                    + formatRate(config.limits().ratePerSecond()) + " a second); try again in " + wait + " s.");
        }
    }

    private static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }

    private void route(Exchange ex, Target target, String baseUrl) throws IOException {
        String endpoint = target.endpoint();
        ResourceType type = ResourceType.fromEndpoint(endpoint);
        if (type != null) {
            new ResourceRequest(ex, target.tenantId(), type, baseUrl).run(target.id());
            return;
        }
        JsonNode body;
        Discovery discovery = new Discovery(baseUrl);
        switch (endpoint.toLowerCase(Locale.ROOT)) {
            case "serviceproviderconfig" -> {
                requireNoId(target);
                body = discovery.serviceProviderConfig();
            }
            case "resourcetypes" -> body = target.id() == null ? discovery.resourceTypes()
                    : discovery.resourceType(target.id());
            case "schemas" -> body = target.id() == null ? discovery.schemas() : discovery.schema(target.id());
            case "" -> throw ScimException.notFound("This is the tenant URL; resources are at /Users and /Groups.");
            case "bulk", "me" -> throw new ScimException(501, null, "/" + endpoint + " is not supported by this service.");
            default -> throw ScimException.notFound("'/" + endpoint + "' is not a SCIM endpoint of this service.");
        }
        if (!ex.method().equals("GET")) {
            ex.setHeader("Allow", "GET");
            throw new ScimException(405, null, "/" + endpoint + " is read-only; use GET.");
        }
        ex.sendJson(200, body);
    }

    private static void requireNoId(Target target) {
        if (target.id() != null) {
            throw ScimException.notFound("'/" + target.endpoint() + "/" + target.id() + "' does not exist.");
        }
    }

    /** Every failure is answered here, as RFC 7644 §3.12 says; an error to Entra counts against its cycle. */
    private void answerError(Exchange ex, ScimAccess.Caller caller, ScimException e) {
        if (ex.status() != 0) {
            return; // the answer is already on its way; nothing more can be said
        }
        access.answeredWithError(caller);
        if (e.status() == 401) {
            ex.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM\"");
        }
        try {
            ex.sendJson(e.status(), ErrorResponses.of(e));
        } catch (IOException io) {
            LOG.debug("Client went away before the error could be sent", io);
        }
    }

    /** One request to /Users or /Groups. */
    private final class ResourceRequest {
        private final Exchange ex;
        private final String tenantId;
        private final ResourceType type;
        private final ResourceRenderer renderer;

        ResourceRequest(Exchange ex, String tenantId, ResourceType type, String baseUrl) {
            this.ex = ex;
            this.tenantId = tenantId;
            this.type = type;
            this.renderer = new ResourceRenderer(baseUrl);
        }

        void run(String id) throws IOException {
            String method = ex.method();
            if (id == null) {
                switch (method) {
                    case "GET" -> list(queryFromParams());
                    case "POST" -> create();
                    default -> notAllowed("GET, POST");
                }
            } else if (id.equals(".search")) {
                if (!method.equals("POST")) {
                    notAllowed("POST");
                }
                list(queryFromSearchBody());
            } else {
                switch (method) {
                    case "GET" -> get(id);
                    case "PUT" -> replace(id);
                    case "PATCH" -> patch(id);
                    case "DELETE" -> delete(id);
                    default -> notAllowed("GET, PUT, PATCH, DELETE");
                }
            }
        }

        private void notAllowed(String allow) {
            ex.setHeader("Allow", allow);
            throw new ScimException(405, null, ex.method() + " is not allowed here; allowed: " + allow + ".");
        }

        private record ListParams(Query query, AttributeProjection projection) {
        }

        private ListParams queryFromParams() {
            return listParams(ex.param("filter"), ex.param("sortBy"), ex.param("sortOrder"), ex.param("startIndex"),
                    ex.param("count"), ex.param("attributes"), ex.param("excludedAttributes"));
        }

        private ListParams queryFromSearchBody() throws IOException {
            JsonNode b = ex.jsonBody();
            if (!b.isObject()) {
                throw ScimException.invalidSyntax("A search request is a JSON object (RFC 7644 §3.4.3).");
            }
            return listParams(text(b, "filter"), text(b, "sortBy"), text(b, "sortOrder"), text(b, "startIndex"),
                    text(b, "count"), joined(b, "attributes"), joined(b, "excludedAttributes"));
        }

        private static String text(JsonNode b, String field) {
            JsonNode v = b.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static String joined(JsonNode b, String field) {
            JsonNode v = b.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isArray()) {
                return v.asText();
            }
            List<String> names = new ArrayList<>();
            v.forEach(n -> names.add(n.asText()));
            return String.join(",", names);
        }

        private ListParams listParams(String filterText, String sortBy, String sortOrder, String startText,
                String countText, String attributes, String excluded) {
            Filter filter = filterText == null || filterText.isBlank() ? null : FilterParser.parseFilter(filterText);
            AttrPath sort = sortBy == null || sortBy.isBlank() ? null : sortPath(sortBy);
            boolean descending = sortOrder != null && sortOrder.equalsIgnoreCase("descending");
            if (sortOrder != null && !descending && !sortOrder.isBlank() && !sortOrder.equalsIgnoreCase("ascending")) {
                throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'.");
            }
            int start = Math.max(1, integer("startIndex", startText, 1));
            int count = ListResponses.pageSize(countText == null || countText.isBlank() ? null : integer("count", countText, 0));
            AttributeProjection projection = AttributeProjection.of(type, attributes, excluded);
            boolean withMembers = type == ResourceType.GROUP && projection.mayReturn("members");
            return new ListParams(new Query(filter, sort, descending, start, count, withMembers), projection);
        }

        private AttrPath sortPath(String sortBy) {
            try {
                return FilterParser.parseAttrPath(sortBy);
            } catch (ScimException e) {
                throw ScimException.invalidValue("sortBy '" + sortBy + "' is not an attribute path.");
            }
        }

        private int integer(String name, String text, int dflt) {
            if (text == null || text.isBlank()) {
                return dflt;
            }
            try {
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(text.trim())));
            } catch (NumberFormatException e) {
                throw ScimException.invalidValue(name + " must be an integer, not '" + text + "'.");
            }
        }

        private void list(ListParams p) throws IOException {
            Page page = provisioning.list(tenantId, type, p.query());
            List<ObjectNode> resources = new ArrayList<>(page.resources().size());
            for (StoredResource r : page.resources()) {
                resources.add(p.projection().apply(renderer.render(r, p.query().withMembers())));
            }
            ex.sendJson(200, ListResponses.of(resources, (int) Math.min(Integer.MAX_VALUE, page.totalResults()),
                    page.startIndex()));
        }

        private AttributeProjection requestedProjection() {
            return AttributeProjection.of(type, ex.param("attributes"), ex.param("excludedAttributes"));
        }

        private void get(String id) throws IOException {
            boolean withMembers = type == ResourceType.GROUP && requestedProjection().mayReturn("members");
            StoredResource r = provisioning.get(tenantId, type, id, withMembers);
            String etag = ResourceRenderer.etag(r.version());
            String ifNoneMatch = ex.header("If-None-Match");
            ex.setHeader("ETag", etag);
            if (ifNoneMatch != null && Preconditions.matchesAny(ifNoneMatch, r.version())) {
                ex.sendEmpty(304);
                return;
            }
            respond(200, r, withMembers);
        }

        private void respond(int status, StoredResource r, boolean withMembers) throws IOException {
            ex.setHeader("ETag", ResourceRenderer.etag(r.version()));
            ex.sendJson(status, requestedProjection().apply(renderer.render(r, withMembers)));
        }

        private void create() throws IOException {
            StoredResource r = provisioning.create(tenantId, type, ex.jsonBody());
            ex.setHeader("Location", renderer.location(type, r.id()));
            respond(201, r, true);
        }

        private void replace(String id) throws IOException {
            Long expected = Preconditions.expectedVersion(ex.header("If-Match"));
            respond(200, provisioning.replace(tenantId, type, id, expected, ex.jsonBody()), true);
        }

        private void patch(String id) throws IOException {
            Long expected = Preconditions.expectedVersion(ex.header("If-Match"));
            StoredResource r = provisioning.patch(tenantId, type, id, expected, ex.jsonBody());
            if (type == ResourceType.GROUP) {
                // Entra prefers 204 for groups: echoing every member of a large group is wasted work.
                ex.setHeader("ETag", ResourceRenderer.etag(r.version()));
                ex.sendEmpty(204);
            } else {
                respond(200, r, false);
            }
        }

        private void delete(String id) throws IOException {
            provisioning.delete(tenantId, type, id, Preconditions.expectedVersion(ex.header("If-Match")));
            ex.sendEmpty(204);
        }
    }
}
