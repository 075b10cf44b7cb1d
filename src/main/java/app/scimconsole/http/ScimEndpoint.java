package app.scimconsole.http;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.AttributeProjection;
import app.scimconsole.scim.Discovery;
import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ListRequest;
import app.scimconsole.scim.ListResponses;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.service.Provisioning;
import app.scimconsole.service.ResourceRenderer;
import app.scimconsole.service.RootSearch;
import app.scimconsole.service.ScimAccess;
import app.scimconsole.service.StorageFaults;
import app.scimconsole.service.TenantRateLimiter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM 2.0 endpoint, {@code /scim/v2/<tenant>/...}: the tenant's routes as a table, each reading its request,
 * asking the service and writing the answer. Every failure becomes an RFC 7644 §3.12 error in one place.
 */
final class ScimEndpoint implements Endpoint {
    static final String PREFIX = "/scim/v2/";
    /** The id Entra's provisioning service gives each request (a GUID); the attribute history keeps it. */
    static final String REQUEST_ID_HEADER = "client-request-id";
    private static final Logger LOG = LoggerFactory.getLogger(ScimEndpoint.class);
    /** Endpoints RFC 7644 defines that this service does not offer (501, not 404: they exist, but not here). */
    private static final Set<String> UNSUPPORTED = Set.of("bulk", "me");

    /** One route's work, on one request. */
    @FunctionalInterface
    private interface Route {
        void answer(Request r) throws IOException;
    }

    /** A request admitted to a tenant, with its route's parameters. */
    private record Request(Exchange ex, ScimAccess.Caller caller, RouteTable.Found<Route> route,
            ResourceRenderer renderer, String tenantUrl) {
        String id() {
            return route.param("id");
        }

        /** Made only for the discovery routes: the resource routes, which are nearly all requests, never need it. */
        Discovery discovery() {
            return new Discovery(tenantUrl);
        }
    }

    private final ScimAccess access;
    private final Provisioning provisioning;
    private final ServiceConfig config;
    private final TenantRateLimiter requestRate;
    private final RootSearch rootSearch;
    private final StorageFaults storageFaults;
    private final RouteTable<Route> routes;
    /** Each admitted tenant's URL, made once (only admitted tenants, so at most one entry a tenant that exists). */
    private final Map<String, String> tenantUrls = new ConcurrentHashMap<>();

    ScimEndpoint(ScimAccess access, Provisioning provisioning, StorageFaults storageFaults, ServiceConfig config) {
        this.access = access;
        this.provisioning = provisioning;
        this.storageFaults = storageFaults;
        this.rootSearch = new RootSearch(provisioning);
        this.config = config;
        this.requestRate = new TenantRateLimiter(config.limits().ratePerSecond(), config.limits().rateBurst(),
                System::nanoTime);
        RouteTable.Builder<Route> table = RouteTable.<Route>builder().ignoringCase();
        for (ResourceType type : ResourceType.values()) {
            String at = type.endpoint().substring(1);
            table.route("GET", at, r -> list(r, type, ListRequest.fromQuery(type, r.ex().params())))
                    .route("POST", at, r -> create(r, type))
                    .route("POST", at + "/.search", r -> list(r, type, provisioning.searchRequest(r.caller(), type,
                            r.ex().jsonBody())))
                    .route("GET", at + "/{id}", r -> get(r, type))
                    .route("PUT", at + "/{id}", r -> replace(r, type))
                    .route("PATCH", at + "/{id}", r -> patch(r, type))
                    .route("DELETE", at + "/{id}", r -> delete(r, type));
        }
        this.routes = table
                .route("GET", "ServiceProviderConfig", r -> r.ex().sendJson(200, r.discovery().serviceProviderConfig()))
                .route("GET", "ResourceTypes", r -> r.ex().sendJson(200, r.discovery().resourceTypes()))
                .route("GET", "ResourceTypes/{id}", r -> r.ex().sendJson(200, r.discovery().resourceType(r.id())))
                .route("GET", "Schemas", r -> r.ex().sendJson(200, r.discovery().schemas()))
                .route("GET", "Schemas/{id}", r -> r.ex().sendJson(200, r.discovery().schema(r.id())))
                .route("POST", ".search", r -> r.ex().sendJson(200,
                        rootSearch.search(r.caller(), r.ex().jsonBody(), r.renderer())))
                .build();
    }

    @Override
    public void answer(Exchange ex) {
        ScimAccess.Caller caller = null;
        try {
            List<String> segments = RouteTable.segments(ex.rawPath(), PREFIX);
            if (!ex.rawPath().startsWith(PREFIX)) {
                throw new ScimException(ScimProblem.NO_SCIM_ENDPOINT);
            }
            if (segments.isEmpty() || segments.size() > 3) {
                throw new ScimException(ScimProblem.NOT_UNDER_A_TENANT);
            }
            String tenantId = segments.get(0);
            caller = access.admit(tenantId, ex.clientAddress(), ex.header("Authorization"),
                    ex.header(AdminApi.CONNECTION_TEST_TAG_HEADER),
                    ex.method() + " /" + String.join("/", segments.subList(1, Math.min(2, segments.size()))),
                    resourceNamed(segments.size() > 1 ? segments.get(1) : ""))
                    .forRequest(ex.header(REQUEST_ID_HEADER));
            throttle(ex, tenantId);
            List<String> below = segments.subList(1, segments.size());
            String tenantUrl = tenantUrls.computeIfAbsent(tenantId, config::tenantUrl);
            RouteTable.Found<Route> found = route(ex, below);
            found.handler().answer(new Request(ex, caller, found, new ResourceRenderer(tenantUrl), tenantUrl));
        } catch (ScimException e) {
            answerError(ex, caller, e);
        } catch (StorageException e) {
            answerError(ex, caller, e.isOutage() ? storageFaults.refusal(e) : unexpected(ex, e));
        } catch (Exception e) {
            answerError(ex, caller, unexpected(ex, e));
        }
    }

    private static ScimException unexpected(Exchange ex, Exception e) {
        LOG.error("Unexpected failure answering {} {}", ex.method(), ex.rawPath(), e);
        return new ScimException(ScimProblem.INTERNAL_ERROR);
    }

    /** What a refused request was after, as the activity log names resources: "User", "Group", else the endpoint. */
    private static String resourceNamed(String endpoint) {
        ResourceType type = ResourceType.fromEndpoint(endpoint);
        return type == null ? endpoint : type.resourceName();
    }

    /** The route for the path below the tenant, or the error that says what is there instead. */
    private RouteTable.Found<Route> route(Exchange ex, List<String> below) {
        String method = ex.method();
        RouteTable.Match<Route> match = routes.match(method, below);
        if (match instanceof RouteTable.Found<Route> found) {
            return found;
        }
        String endpoint = below.isEmpty() ? "" : below.get(0);
        if (match instanceof RouteTable.MethodNotAllowed<Route> notAllowed) {
            ex.setHeader("Allow", notAllowed.allowHeader());
            throw notAllowed.allowed().equals(List.of("GET"))
                    ? new ScimException(ScimProblem.READ_ONLY_ENDPOINT, endpoint)
                    : new ScimException(ScimProblem.METHOD_NOT_ALLOWED, method, notAllowed.allowHeader());
        }
        if (below.isEmpty()) {
            throw new ScimException(ScimProblem.TENANT_URL_ROOT);
        }
        if (UNSUPPORTED.contains(endpoint.toLowerCase(Locale.ROOT))) {
            throw new ScimException(ScimProblem.UNSUPPORTED_ENDPOINT, endpoint);
        }
        if (routes.match("GET", below.subList(0, 1)) instanceof RouteTable.Found<Route>) {
            throw new ScimException(ScimProblem.NO_SUCH_PATH, "/" + String.join("/", below));
        }
        throw new ScimException(ScimProblem.UNKNOWN_ENDPOINT, endpoint);
    }

    /**
     * Counted only after authentication, so that nobody without the token can use up the tenant's budget and
     * lock Entra out.
     */
    private void throttle(Exchange ex, String tenantId) {
        long wait = requestRate.secondsToWait(tenantId);
        if (wait > 0) {
            ex.setHeader("Retry-After", Long.toString(wait));
            throw new ScimException(ScimProblem.TOO_MANY_REQUESTS, formatRate(config.limits().ratePerSecond()), wait);
        }
    }

    private static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
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
        if (e.status() == 503) {
            // only an outage of the store says 503 here; Entra retries such a request after this many seconds
            ex.setHeader("Retry-After", Integer.toString(StorageFaults.RETRY_AFTER_SECONDS));
        }
        ex.sendJson(e.status(), ErrorResponses.of(e));
    }

    // ---- the resource routes ----------------------------------------------------------------------------------

    private void list(Request r, ResourceType type, ListRequest q) throws IOException {
        Page page = provisioning.list(r.caller(), type, new Query(q.filter(), q.sortBy(), q.descending(),
                q.startIndex(), q.count(), q.withMembers()));
        List<ObjectNode> resources = new ArrayList<>(page.resources().size());
        for (StoredResource s : page.resources()) {
            resources.add(q.projection().apply(r.renderer().render(s, q.withMembers())));
        }
        r.ex().sendJson(200, ListResponses.of(resources, (int) Math.min(Integer.MAX_VALUE, page.totalResults()),
                page.startIndex()));
    }

    private void get(Request r, ResourceType type) throws IOException {
        boolean withMembers = type == ResourceType.GROUP && projection(r, type).mayReturn("members");
        StoredResource s = provisioning.get(r.caller(), type, r.id(), withMembers);
        String ifNoneMatch = r.ex().header("If-None-Match");
        if (ifNoneMatch != null && Preconditions.matchesAny(ifNoneMatch, s.version())) {
            r.ex().setHeader("ETag", ResourceRenderer.etag(s.version()));
            r.ex().sendEmpty(304);
            return;
        }
        respond(r, type, 200, s, withMembers);
    }

    private void create(Request r, ResourceType type) throws IOException {
        StoredResource s = provisioning.create(r.caller(), type, r.ex().jsonBody());
        r.ex().setHeader("Location", r.renderer().location(type, s.id()));
        respond(r, type, 201, s, true);
    }

    private void replace(Request r, ResourceType type) throws IOException {
        StoredResource s = provisioning.replace(r.caller(), type, r.id(), ifMatch(r), r.ex().jsonBody());
        respond(r, type, 200, s, true);
    }

    private void patch(Request r, ResourceType type) throws IOException {
        StoredResource s = provisioning.patch(r.caller(), type, r.id(), ifMatch(r), r.ex().jsonBody());
        if (type == ResourceType.GROUP) {
            // Entra prefers 204 for groups: echoing every member of a large group is wasted work.
            r.ex().setHeader("ETag", ResourceRenderer.etag(s.version()));
            r.ex().sendEmpty(204);
        } else {
            respond(r, type, 200, s, false);
        }
    }

    private void delete(Request r, ResourceType type) throws IOException {
        provisioning.delete(r.caller(), type, r.id(), ifMatch(r));
        r.ex().sendEmpty(204);
    }

    private static Long ifMatch(Request r) {
        return Preconditions.expectedVersion(r.ex().header("If-Match"));
    }

    private static AttributeProjection projection(Request r, ResourceType type) {
        return AttributeProjection.of(type, r.ex().param("attributes"), r.ex().param("excludedAttributes"));
    }

    private static void respond(Request r, ResourceType type, int status, StoredResource s, boolean withMembers)
            throws IOException {
        r.ex().setHeader("ETag", ResourceRenderer.etag(s.version()));
        r.ex().sendJson(status, projection(r, type).apply(r.renderer().render(s, withMembers)));
    }
}
