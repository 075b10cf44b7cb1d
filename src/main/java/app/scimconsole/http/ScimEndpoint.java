package app.scimconsole.http;

import app.scimconsole.scim.MemberChange;
import app.scimconsole.service.ActivityRecorder;
import app.scimconsole.service.Authenticator;
import app.scimconsole.service.DomainPolicy;
import app.scimconsole.service.PatchSummary;
import app.scimconsole.service.ResourceRenderer;
import app.scimconsole.service.TrafficTracker;
import app.scimconsole.service.VerifiedDomains;

import app.scimconsole.directory.Directory;
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
    /**
     * Failed authentications are written to the activity log at most this often per tenant (after a burst of
     * {@link #LOGGED_AUTH_FAILURE_BURST}): a client hammering with a wrong token must not turn each request into
     * a database write. It still gets its 401 every time.
     */
    private static final double LOGGED_AUTH_FAILURES_PER_SECOND = 1;
    private static final int LOGGED_AUTH_FAILURE_BURST = 20;

    private final Directory directory;
    private final Authenticator authenticator;
    private final DomainPolicy domainPolicy;
    private final ActivityRecorder activity;
    private final ServiceConfig config;
    private final TenantRateLimiter requestRate;
    private final TenantRateLimiter loggedAuthFailures;
    private final ResourceNormalizer normalizer = new ResourceNormalizer();
    private final PatchEngine patchEngine = new PatchEngine();

    private final TrafficTracker traffic;
    private final Clock clock;

    ScimEndpoint(Directory directory, VerifiedDomains domains, ServiceConfig config, TrafficTracker traffic, Clock clock) {
        this.traffic = traffic;
        this.clock = clock;
        this.directory = directory;
        this.authenticator = new Authenticator(directory, clock);
        this.domainPolicy = new DomainPolicy(domains);
        this.activity = new ActivityRecorder(directory, clock);
        this.config = config;
        this.requestRate = new TenantRateLimiter(config.limits().ratePerSecond(), config.limits().rateBurst(), System::nanoTime);
        this.loggedAuthFailures = new TenantRateLimiter(LOGGED_AUTH_FAILURES_PER_SECOND, LOGGED_AUTH_FAILURE_BURST,
                System::nanoTime);
    }

    /** A parsed request target: tenant, then resource endpoint and optional id or sub-path. */
    private record Target(String tenantId, String endpoint, String id) {
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange ex = new Exchange(http, config.maxBodyBytes());
        String countedTenant = null;
        try {
            Target target = parse(ex.rawPath());
            String baseUrl = config.tenantUrl(target.tenantId());
            boolean entra = !isConsoleConnectionTest(ex);
            authenticate(ex, target, entra);
            if (entra) {
                // Counted before the answer goes out, so whoever reads the traffic after the answer sees it.
                countedTenant = target.tenantId();
                traffic.record(countedTenant, clock.instant(), false);
            }
            throttle(ex, target.tenantId());
            route(ex, target, baseUrl);
        } catch (ScimException e) {
            countRejection(countedTenant, ex);
            sendError(ex, e);
        } catch (Exception e) {
            LOG.error("Unexpected failure answering {} {}", ex.method(), ex.rawPath(), e);
            countRejection(countedTenant, ex);
            sendError(ex, new ScimException(500, null, "The service could not complete the request."));
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

    /** An error answer about to be sent to Entra counts as a rejection of its cycle. */
    private void countRejection(String countedTenant, Exchange ex) {
        if (countedTenant != null && ex.status() == 0) {
            traffic.rejected(countedTenant);
        }
    }

    /** The console's "Test connection" is not Entra: it must not count as Entra's traffic or the token's use. */
    private static boolean isConsoleConnectionTest(Exchange ex) {
        String agent = ex.header("User-Agent");
        return agent != null && agent.startsWith(app.scimconsole.client.ConnectionTest.USER_AGENT);
    }

    private void authenticate(Exchange ex, Target target, boolean countUse) {
        Authenticator.Outcome outcome = authenticator.authenticate(target.tenantId(), ex.header("Authorization"), countUse);
        if (outcome == Authenticator.Outcome.OK) {
            return;
        }
        ex.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM\"");
        String detail = switch (outcome) {
            case NO_CREDENTIALS -> "Authentication required: send the secret token as 'Authorization: Bearer <token>'.";
            case DISABLED -> "The SCIM app of this organization is disabled; enable it in SCIM Console.";
            default -> "The secret token is not valid for this tenant URL. Copy the current token from SCIM Console.";
        };
        if ((outcome == Authenticator.Outcome.WRONG_TOKEN || outcome == Authenticator.Outcome.DISABLED)
                && loggedAuthFailures.secondsToWait(target.tenantId()) == 0) {
            activity.rejected(target.tenantId(), ex.method() + " " + target.endpoint(), target.endpoint(), null, null,
                    "401: " + detail);
        }
        throw new ScimException(401, null, detail);
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

    private void sendError(Exchange ex, ScimException e) {
        if (ex.status() != 0) {
            return; // the answer is already on its way; nothing more can be said
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
            Page page = directory.query(tenantId, type, p.query());
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
            StoredResource r = directory.get(tenantId, type, id, withMembers).orElseThrow(this::notFound);
            String etag = ResourceRenderer.etag(r.version());
            String ifNoneMatch = ex.header("If-None-Match");
            ex.setHeader("ETag", etag);
            if (ifNoneMatch != null && Preconditions.matchesAny(ifNoneMatch, r.version())) {
                ex.sendEmpty(304);
                return;
            }
            respond(200, r, withMembers);
        }

        private ScimException notFound() {
            return ScimException.notFound(type.resourceName() + " not found.");
        }

        private void respond(int status, StoredResource r, boolean withMembers) throws IOException {
            ex.setHeader("ETag", ResourceRenderer.etag(r.version()));
            ex.sendJson(status, requestedProjection().apply(renderer.render(r, withMembers)));
        }

        private void create() throws IOException {
            String op = "CREATE";
            ResourceNormalizer.Normalized n = null;
            try {
                n = normalizer.normalize(type, ex.jsonBody());
                if (type == ResourceType.USER) {
                    domainPolicy.check(tenantId, n.doc());
                }
                StoredResource r = directory.create(tenantId, type, n.doc(), n.memberIds(),
                        created -> audit(op, created, withSignInNote("created", created)));
                ex.setHeader("Location", renderer.location(type, r.id()));
                respond(201, r, true);
            } catch (ScimException e) {
                activity.rejected(tenantId, op, type.resourceName(), null, n == null ? null : label(n.doc()), describe(e));
                throw e;
            }
        }

        private void replace(String id) throws IOException {
            String op = "REPLACE";
            Long expected = Preconditions.expectedVersion(ex.header("If-Match"));
            String[] name = {null};
            try {
                JsonNode body = ex.jsonBody();
                StoredResource r = directory.update(tenantId, type, id, expected, current -> {
                    name[0] = label(current.doc());
                    ResourceNormalizer.Normalized n = normalizer.normalize(type, body);
                    name[0] = label(n.doc());
                    if (type == ResourceType.USER) {
                        domainPolicy.check(tenantId, n.doc());
                    }
                    List<MemberChange> members = type == ResourceType.GROUP && body.has("members")
                            ? List.of(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of()),
                                    new MemberChange(MemberChange.Kind.ADD, n.memberIds()))
                            : List.of();
                    if (n.doc().equals(current.doc()) && members.isEmpty()) {
                        return null;
                    }
                    return new Directory.Update(n.doc(), members);
                }, replaced -> audit(op, replaced, withSignInNote("replaced", replaced)));
                respond(200, r, true);
            } catch (ScimException e) {
                activity.rejected(tenantId, op, type.resourceName(), id, name[0], describe(e));
                throw e;
            }
        }

        private void patch(String id) throws IOException {
            String op = "PATCH";
            Long expected = Preconditions.expectedVersion(ex.header("If-Match"));
            String[] name = {null};
            String[] summary = {""};
            try {
                JsonNode body = ex.jsonBody();
                summary[0] = PatchSummary.of(body);
                StoredResource r = directory.update(tenantId, type, id, expected, current -> {
                    name[0] = label(current.doc());
                    PatchResult result = patchEngine.apply(type, current.doc(), body);
                    if (!result.changed()) {
                        return null;
                    }
                    name[0] = label(result.doc());
                    if (type == ResourceType.USER) {
                        domainPolicy.check(tenantId, result.doc());
                    }
                    return new Directory.Update(result.doc(), result.memberChanges());
                }, patched -> audit(op, patched, withSignInNote(summary[0], patched)));
                if (type == ResourceType.GROUP) {
                    // Entra prefers 204 for groups: echoing every member of a large group is wasted work.
                    ex.setHeader("ETag", ResourceRenderer.etag(r.version()));
                    ex.sendEmpty(204);
                } else {
                    respond(200, r, false);
                }
            } catch (ScimException e) {
                activity.rejected(tenantId, op, type.resourceName(), id, name[0],
                        describe(e) + (summary[0].isEmpty() ? "" : " (" + summary[0] + ")"));
                throw e;
            }
        }

        private void delete(String id) throws IOException {
            String op = "DELETE";
            Long expected = Preconditions.expectedVersion(ex.header("If-Match"));
            try {
                directory.delete(tenantId, type, id, expected, gone -> audit(op, gone, "deleted"));
                ex.sendEmpty(204);
            } catch (ScimException e) {
                activity.rejected(tenantId, op, type.resourceName(), id, null, describe(e));
                throw e;
            }
        }

        private Directory.Activity audit(String op, StoredResource r, String detail) {
            return activity.success(tenantId, op, type.resourceName(), r.id(), label(r.doc()), detail);
        }

        /** A user with no e-mail address at all is accepted, and the log says it cannot sign in. */
        private String withSignInNote(String detail, StoredResource r) {
            if (type != ResourceType.USER || !DomainPolicy.identityDomains(r.doc()).isEmpty()) {
                return detail;
            }
            return detail + "; the user has no e-mail address, so it cannot sign in";
        }

        /** The name the activity log shows: userName of a user, displayName of a group. */
        private String label(ObjectNode doc) {
            String field = type == ResourceType.USER ? "userName" : "displayName";
            JsonNode v = doc.get(field);
            return v == null || !v.isTextual() ? null : v.asText();
        }
    }

    private static String describe(ScimException e) {
        return e.status() + (e.scimType() == null ? "" : " " + e.scimType().wire()) + ": " + e.detail();
    }
}
