package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void badRequestCarriesStatusAsStringScimTypeAndDetail() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
                 "status":"400","scimType":"invalidFilter","detail":"'x' needs true or false."}""");
        assertThat(ErrorResponses.of(new ScimException(ScimProblem.NEEDS_BOOLEAN, "x"))).isEqualTo(expected);
    }

    @Test
    void statusIsAJsonString() {
        ScimException taken = new ScimException(ScimProblem.VALUE_TAKEN, "userName", "a@x");
        assertThat(ErrorResponses.of(taken).get("status").isTextual()).isTrue();
        assertThat(ErrorResponses.of(taken).get("status").textValue()).isEqualTo("409");
    }

    @Test
    void scimTypeIsLeftOutWhenTheErrorHasNone() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404",
                 "detail":"User 'u1' does not exist."}""");
        assertThat(ErrorResponses.of(new ScimException(ScimProblem.RESOURCE_NOT_FOUND, "User", "u1"))).isEqualTo(expected);
    }

    @Test
    void parserErrorsBecomeCompleteBodies() {
        try {
            FilterParser.parseFilter("userName eq");
        } catch (ScimException e) {
            JsonNode body = ErrorResponses.of(e);
            assertThat(body.get("scimType").textValue()).isEqualTo("invalidFilter");
            assertThat(body.get("detail").textValue()).contains("position");
            assertThat(JsonTrees.nullsIn(body)).isEmpty();
            return;
        }
        throw new AssertionError("the filter should have been rejected");
    }

    @Test
    void aServerErrorHasNoScimTypeAndNoNulls() {
        JsonNode body = ErrorResponses.of(new ScimException(ScimProblem.INTERNAL_ERROR));
        assertThat(body.get("status").textValue()).isEqualTo("500");
        assertThat(body.has("scimType")).isFalse();
        assertThat(JsonTrees.nullsIn(body)).isEmpty();
    }
}
