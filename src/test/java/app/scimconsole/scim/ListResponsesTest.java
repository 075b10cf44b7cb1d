package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void emptyResultIsAListResponseWithAnEmptyResourcesArray() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                 "totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}""");
        assertThat(ListResponses.of(List.of(), 0, 1)).isEqualTo(expected);
    }

    @Test
    void pageCarriesItsResourcesInOrderAndTheTotalOfAllPages() {
        JsonNode a = ScimJson.NODES.objectNode().put("id", "a");
        JsonNode b = ScimJson.NODES.objectNode().put("id", "b");
        JsonNode page = ListResponses.of(List.of(a, b), 11, 6);
        assertThat(page.get("totalResults").intValue()).isEqualTo(11);
        assertThat(page.get("startIndex").intValue()).isEqualTo(6);
        assertThat(page.get("itemsPerPage").intValue()).isEqualTo(2);
        assertThat(page.get("Resources")).containsExactly(a, b);
        assertThat(JsonTrees.nullsIn(page)).isEmpty();
    }

    @Test
    void pageSizeFollowsRfc7644Section3_4_2_4() {
        assertThat(ListResponses.pageSize(null)).isEqualTo(ListResponses.MAX_RESULTS);
        assertThat(ListResponses.pageSize(5)).isEqualTo(5);
        assertThat(ListResponses.pageSize(0)).isZero();
        assertThat(ListResponses.pageSize(-3)).isZero();
        assertThat(ListResponses.pageSize(Integer.MAX_VALUE)).isEqualTo(ListResponses.MAX_RESULTS);
    }
}
