package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The RFC 7644 §3.4.2 ListResponse, the answer to every query, empty or not. */
public final class ListResponses {
    /**
     * The most resources one page carries. Advertised as {@code filter.maxResults} in
     * /ServiceProviderConfig, and the page size when a client sends no {@code count}.
     */
    public static final int MAX_RESULTS = 1000;

    private ListResponses() {
    }

    /**
     * One page. {@code Resources} is present even when empty: Entra's Test Connection expects
     * {@code "Resources": []} for its probe of a user that does not exist.
     */
    public static ObjectNode of(List<? extends JsonNode> resources, int totalResults, int startIndex) {
        ObjectNode list = ScimJson.message(Schemas.LIST_RESPONSE_URN);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        ArrayNode items = list.putArray("Resources");
        resources.forEach(items::add);
        return list;
    }

    /**
     * The page size for a requested {@code count} (RFC 7644 §3.4.2.4): absent means the server's
     * maximum, negative means 0, and nothing above {@link #MAX_RESULTS}.
     */
    public static int pageSize(Integer requestedCount) {
        if (requestedCount == null) {
            return MAX_RESULTS;
        }
        return Math.max(0, Math.min(requestedCount, MAX_RESULTS));
    }
}
