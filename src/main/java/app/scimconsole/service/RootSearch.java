package app.scimconsole.service;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.ListRequest;
import app.scimconsole.scim.ListResponses;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.scim.TypeScopedFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /.search} at the tenant root (RFC 7644 §3.4.3): one search across users and groups. The results are
 * the users that match, then the groups that match, paged as one list; each type reads the body's parameters by its
 * own schema (an attribute to return that only users have is simply absent from groups), and the filter is applied
 * to each type as {@link TypeScopedFilter} scopes it.
 */
public final class RootSearch {
    private static final List<ResourceType> SEARCHED = List.of(ResourceType.USER, ResourceType.GROUP);

    private final Provisioning provisioning;

    public RootSearch(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    /** The ListResponse for {@code body}, each resource rendered by {@code renderer} and projected as asked. */
    public ObjectNode search(ScimAccess.Caller caller, JsonNode body, ResourceRenderer renderer) {
        List<ListRequest> requests = new ArrayList<>();
        for (ResourceType type : SEARCHED) {
            requests.add(provisioning.searchRequest(caller, type, body));
        }
        ListRequest first = requests.get(0);
        if (first.sortBy() != null) {
            // One order across types would need every type's matches up to the page's end; refused instead.
            throw new ScimException(ScimProblem.SORT_ACROSS_TYPES);
        }
        List<ObjectNode> page = new ArrayList<>();
        long before = 0; // matches of the types already searched
        for (int i = 0; i < SEARCHED.size(); i++) {
            ResourceType type = SEARCHED.get(i);
            ListRequest q = requests.get(i);
            TypeScopedFilter.Scoped scoped = q.filter() == null ? null : TypeScopedFilter.of(q.filter(), type, SEARCHED);
            if (scoped != null && scoped.reach() == TypeScopedFilter.Reach.NONE) {
                continue;
            }
            int start = (int) Math.max(1, q.startIndex() - before);
            Page found = provisioning.list(caller, type, new Query(scoped == null ? null : scoped.filter(), null,
                    false, start, q.count() - page.size(), q.withMembers()));
            for (StoredResource s : found.resources()) {
                page.add(q.projection().apply(renderer.render(s, q.withMembers())));
            }
            before += found.totalResults();
        }
        return ListResponses.of(page, (int) Math.min(Integer.MAX_VALUE, before), first.startIndex());
    }
}
