package app.scimconsole.scim;

import static app.scimconsole.scim.ResourceNormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test group per rule, each on the rule's own input, before and after. */
class EntraDialectTest {
    private static final AttributeDef ACTIVE = Schemas.USER.attribute("active");
    private static final AttributeDef EMAILS = Schemas.USER.attribute("emails");
    private static final AttributeDef MANAGER = Schemas.ENTERPRISE_USER.attribute("manager");
    private static final AttributeDef NAME = Schemas.USER.attribute("name");

    @ParameterizedTest
    @ValueSource(strings = {"add", "Add", "ADD", "replace", "Replace", "rePLACE", "remove", "Remove", "REMOVE"})
    void opNamesInAnyCase(String op) {
        assertThat(EntraDialect.opKind(TextNode.valueOf(op)).wire()).isEqualToIgnoringCase(op);
    }

    @Test
    void unknownOrMissingOpIsInvalidSyntax() {
        for (JsonNode bad : new JsonNode[] {TextNode.valueOf("copy"), TextNode.valueOf(""), json("1"), json("null"), null}) {
            assertThatThrownBy(() -> EntraDialect.opKind(bad)).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "true", "TRUE", "tRuE"})
    void trueStrings(String s) {
        assertThat(EntraDialect.booleanFromString(TextNode.valueOf(s))).isEqualTo(json("true"));
        assertThat(EntraDialect.value(ACTIVE, TextNode.valueOf(s))).isEqualTo(json("true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "FALSE"})
    void falseStrings(String s) {
        assertThat(EntraDialect.value(ACTIVE, TextNode.valueOf(s))).isEqualTo(json("false"));
    }

    @Test
    void otherValuesPassThroughTheBooleanRule() {
        assertThat(EntraDialect.value(ACTIVE, TextNode.valueOf("yes"))).isEqualTo(TextNode.valueOf("yes"));
        assertThat(EntraDialect.value(ACTIVE, json("false"))).isEqualTo(json("false"));
        // a string attribute keeps the text "True"
        assertThat(EntraDialect.value(Schemas.USER.attribute("title"), TextNode.valueOf("True")))
                .isEqualTo(TextNode.valueOf("True"));
    }

    @Test
    void booleanSubAttributesInsideElementsAreCoercedToo() {
        JsonNode coerced = ValueCoercer.coerce(EMAILS, json("[{\"value\":\"a@x\",\"primary\":\"True\"}]"));
        assertThat(coerced).isEqualTo(json("[{\"value\":\"a@x\",\"primary\":true}]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"m1\"", "{\"value\":\"m1\"}", "{\"Value\":\"m1\",\"$ref\":null}", "[\"m1\"]",
            "[{\"$ref\":\"http://x/Users/m1\",\"value\":\"m1\"}]"})
    void managerShapes(String shape) {
        assertThat(EntraDialect.value(MANAGER, json(shape))).isEqualTo(json("{\"value\":\"m1\"}"));
    }

    @Test
    void theReferenceRuleLeavesComplexAttributesWithoutAValueAlone() {
        assertThat(EntraDialect.value(NAME, TextNode.valueOf("Joy"))).isEqualTo(TextNode.valueOf("Joy"));
        assertThat(EntraDialect.value(NAME, json("{\"givenName\":\"Joy\"}"))).isEqualTo(json("{\"givenName\":\"Joy\"}"));
    }

    @Test
    void oneElementGivenWhereAListBelongs() {
        assertThat(EntraDialect.value(EMAILS, json("{\"value\":\"a@x\"}"))).isEqualTo(json("[{\"value\":\"a@x\"}]"));
        assertThat(EntraDialect.value(EMAILS, json("[{\"value\":\"a@x\"}]"))).isEqualTo(json("[{\"value\":\"a@x\"}]"));
    }

    @Test
    void numbersAreNotRewritten() {
        AttributeDef employeeNumber = Schemas.ENTERPRISE_USER.attribute("employeeNumber");
        assertThat(EntraDialect.value(employeeNumber, json("1234"))).isEqualTo(json("1234"));
        assertThat(EntraDialect.value(ACTIVE, json("1"))).isEqualTo(json("1"));
    }

    @Test
    void removeWithAValueListBecomesAFilterOnThoseValues() {
        PatchOperation op = new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("members"),
                json("[{\"$ref\":null,\"value\":\"u1\"},{\"value\":\"u2\"},{\"value\":\"u3\"}]"));
        List<PatchOperation> out = EntraDialect.rewrite(ResourceType.GROUP, op);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).kind()).isEqualTo(Kind.REMOVE);
        assertThat(out.get(0).value()).isNull();
        assertThat(out.get(0).path().toString())
                .isEqualTo("members[value eq \"u1\" or (value eq \"u2\" or value eq \"u3\")]");
    }

    @Test
    void removeWithAValueOnAUserListSelectsByValue() {
        PatchOperation op = new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("emails"),
                json("{\"value\":\"a@x\"}"));
        assertThat(EntraDialect.rewrite(ResourceType.USER, op).get(0).path().toString())
                .isEqualTo("emails[value eq \"a@x\"]");
    }

    @Test
    void removeWithAnEmptyListIsNothing() {
        PatchOperation op = new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("members"), json("[]"));
        assertThat(EntraDialect.rewrite(ResourceType.GROUP, op)).isEmpty();
    }

    @Test
    void removeWithAValueThatHasNoIdIsInvalidValue() {
        PatchOperation op = new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("members"),
                json("[{\"display\":\"x\"}]"));
        assertThatThrownBy(() -> EntraDialect.rewrite(ResourceType.GROUP, op)).isInstanceOfSatisfying(
                ScimException.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @Test
    void operationsOutsideTheRuleAreUntouched() {
        List<PatchOperation> unchanged = List.of(
                new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("members"), null),
                new PatchOperation(Kind.ADD, FilterParser.parsePatchPath("members"), json("[{\"value\":\"u1\"}]")),
                new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("members[value eq \"u1\"]"), null),
                new PatchOperation(Kind.REMOVE, FilterParser.parsePatchPath("displayName"), json("\"x\"")));
        for (PatchOperation op : unchanged) {
            assertThat(EntraDialect.rewrite(ResourceType.GROUP, op)).containsExactly(op);
        }
    }

    @Test
    void aLongMemberRemoveNestsOnlyLogarithmically() {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            values.append(i == 0 ? "" : ",").append("{\"value\":\"u").append(i).append("\"}");
        }
        JsonNode request = json("{\"schemas\":[\"" + Schemas.PATCH_OP_URN + "\"],"
                + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":" + values + "]}]}");
        PatchResult r = new PatchEngine().apply(ResourceType.GROUP, (com.fasterxml.jackson.databind.node.ObjectNode)
                json("{\"schemas\":[\"" + Schemas.GROUP_URN + "\"],\"displayName\":\"g\"}"), request);
        assertThat(r.memberChanges()).hasSize(1);
        assertThat(r.memberChanges().get(0).ids()).hasSize(50_000).startsWith("u0", "u1").endsWith("u49999");
    }
}
