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
                 "status":"400","scimType":"invalidFilter","detail":"Bad filter."}""");
        assertThat(ErrorResponses.of(ScimException.invalidFilter("Bad filter."))).isEqualTo(expected);
    }

    @Test
    void statusIsAJsonString() {
        assertThat(ErrorResponses.of(ScimException.uniqueness("Taken.")).get("status").isTextual()).isTrue();
        assertThat(ErrorResponses.of(ScimException.uniqueness("Taken.")).get("status").textValue()).isEqualTo("409");
    }

    @Test
    void scimTypeIsLeftOutWhenTheErrorHasNone() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"No such user."}""");
        assertThat(ErrorResponses.of(ScimException.notFound("No such user."))).isEqualTo(expected);
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
    void missingDetailIsLeftOutNotNull() {
        JsonNode body = ErrorResponses.of(new ScimException(500, null, null));
        assertThat(body.has("detail")).isFalse();
        assertThat(JsonTrees.nullsIn(body)).isEmpty();
    }
}
