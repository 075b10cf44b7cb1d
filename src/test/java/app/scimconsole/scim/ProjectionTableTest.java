package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AttributeProjection}, pinned by projection-cases.json: fixtures, parameters, expected result. */
class ProjectionTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode TABLE = load();

    static List<Arguments> cases() {
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode c : TABLE.get("cases")) {
            rows.add(Arguments.of(c.get("name").textValue(), c));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void projectsAsTheTableSays(String name, JsonNode c) {
        String fixture = c.get("resource").textValue();
        ObjectNode resource = fixture(fixture);
        ObjectNode before = resource.deepCopy();
        AttributeProjection p = AttributeProjection.of(typeOf(fixture), text(c, "attributes"),
                text(c, "excludedAttributes"));
        assertThat(p.apply(resource)).isEqualTo(c.get("expected"));
        assertThat(resource).as("the input is not modified").isEqualTo(before);
    }

    @Test
    void defaultsDropOnlyWhatIsNeverReturned() {
        ObjectNode user = fixture("user");
        ObjectNode projected = AttributeProjection.defaults(ResourceType.USER).apply(user);
        user.remove("password");
        assertThat(projected).isEqualTo(user);
        assertThat(AttributeProjection.of(ResourceType.USER, " ", null).apply(fixture("user"))).isEqualTo(user);
    }

    @Test
    void mayReturnTellsTheServerWhatItNeedNotLoad() {
        assertThat(AttributeProjection.of(ResourceType.GROUP, null, "members").mayReturn("members")).isFalse();
        assertThat(AttributeProjection.of(ResourceType.GROUP, null, "members").mayReturn("displayName")).isTrue();
        assertThat(AttributeProjection.of(ResourceType.GROUP, null, "members.display").mayReturn("members")).isTrue();
        assertThat(AttributeProjection.of(ResourceType.GROUP, "id", null).mayReturn("members")).isFalse();
        assertThat(AttributeProjection.of(ResourceType.GROUP, "id", null).mayReturn("id")).isTrue();
        assertThat(AttributeProjection.of(ResourceType.GROUP, "Members.Value", null).mayReturn("members")).isTrue();
        assertThat(AttributeProjection.of(ResourceType.USER, "manager", null)
                .mayReturn(Schemas.ENTERPRISE_URN + ":manager")).isTrue();
        assertThat(AttributeProjection.of(ResourceType.USER, "manager", null).mayReturn("groups")).isFalse();
        assertThat(AttributeProjection.defaults(ResourceType.USER).mayReturn("password")).isFalse();
        assertThat(AttributeProjection.defaults(ResourceType.USER).mayReturn("groups")).isTrue();
    }

    @Test
    void malformedAttributeNameIsABadRequest() {
        assertThatThrownBy(() -> AttributeProjection.of(ResourceType.USER, "emails[type eq \"work\"", null))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH);
                });
        assertThatThrownBy(() -> AttributeProjection.of(ResourceType.USER, null, "name.givenName.x"))
                .isInstanceOf(ScimException.class);
        // A value filter on an attribute that is not multi-valued selects nothing that could exist.
        assertThatThrownBy(() -> AttributeProjection.of(ResourceType.USER, "userName[value eq \"x\"]", null))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH));
    }

    private static ResourceType typeOf(String fixture) {
        return fixture.equals("group") ? ResourceType.GROUP : ResourceType.USER;
    }

    private static ObjectNode fixture(String name) {
        return TABLE.get("fixtures").get(name).deepCopy();
    }

    private static String text(JsonNode c, String field) {
        return c.hasNonNull(field) ? c.get(field).textValue() : null;
    }

    private static JsonNode load() {
        try (InputStream in = ProjectionTableTest.class.getResourceAsStream("projection-cases.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
