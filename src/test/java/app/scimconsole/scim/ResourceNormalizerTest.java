package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The opening of a user's and of a group's JSON up to the first attribute, with the schemas they name. */
    private static final String USER = "{\"schemas\":[\"" + Schemas.USER_URN + "\"],";
    private static final String GROUP = "{\"schemas\":[\"" + Schemas.GROUP_URN + "\"],";
    private final ResourceNormalizer normalizer = new ResourceNormalizer();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode user(String body) {
        return normalizer.normalize(ResourceType.USER, json(body)).doc();
    }

    @Test
    void b1CreateUserKeepsClientDataAndDropsMetaAndEmptyRoles() {
        JsonNode doc = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee","active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],"meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[]}""");
        assertThat(doc).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee","active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"}}"""));
    }

    @Test
    void b9CreateGroupToleratesTheMicrosoftSchemaUrn() {
        ResourceNormalizer.Normalized n = normalizer.normalize(ResourceType.GROUP, json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName","meta":{"resourceType":"Group"}}"""));
        assertThat(n.doc()).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName"}"""));
        assertThat(n.memberIds()).isEmpty();
    }

    @Test
    void example2LegacyBodyWithNullsTopLevelExtensionNamesAndMalformedUrn() {
        JsonNode doc = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],"externalId":"jyoung","userName":"jyoung@testuser.com","active":true,"addresses":null,"displayName":"Joy Young","emails":[{"type":"work","value":"jyoung@Contoso.com","primary":true}],"meta":{"resourceType":"User"},"name":{"familyName":"Young","givenName":"Joy"},"phoneNumbers":null,"preferredLanguage":null,"title":null,"department":null,"manager":null}""");
        assertThat(doc).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"jyoung","userName":"jyoung@testuser.com","active":true,"displayName":"Joy Young","emails":[{"type":"work","value":"jyoung@Contoso.com","primary":true}],"name":{"familyName":"Young","givenName":"Joy"}}"""));
    }

    @Test
    void attributeNamesAndTheExtensionUrnInAnyCaseBecomeCanonical() {
        JsonNode doc = user("""
                {"Schemas":["urn:ietf:params:scim:schemas:core:2.0:user"],"UserName":"joy","ACTIVE":"False","Emails":[{"Value":"j@x.com","Primary":"True","TYPE":"work"}],
                 "NAME":{"GivenName":"Joy"},
                 "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"Department":"Ops","EmployeeNumber":"7"}}""");
        assertThat(doc).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"joy","active":false,"emails":[{"value":"j@x.com","primary":true,"type":"work"}],
                 "name":{"givenName":"Joy"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Ops","employeeNumber":"7"}}"""));
    }

    @Test
    void topLevelExtensionNamesWithValuesMoveIntoTheExtension() {
        JsonNode doc = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"joy","department":"Sales","manager":"m1"}""");
        assertThat(doc.get(Schemas.ENTERPRISE_URN)).isEqualTo(json("""
                {"department":"Sales","manager":{"value":"m1"}}"""));
        assertThat(doc.get("schemas")).isEqualTo(json("[\"" + Schemas.USER_URN + "\",\"" + Schemas.ENTERPRISE_URN + "\"]"));
        assertThat(doc.has("department")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"m1\"", "{\"value\":\"m1\"}", "[{\"value\":\"m1\",\"$ref\":\"https://x/Users/m1\"}]", "[\"m1\"]",
            "{\"value\":\"m1\",\"displayName\":\"Boss\"}"})
    void managerInEveryShapeIsStoredAsAValueObject(String manager) {
        JsonNode doc = user(USER + "\"userName\":\"joy\",\"" + Schemas.ENTERPRISE_URN + "\":{\"manager\":" + manager + "}}");
        assertThat(doc.at("/" + Schemas.ENTERPRISE_URN.replace("~", "~0").replace("/", "~1") + "/manager"))
                .isEqualTo(json("{\"value\":\"m1\"}"));
    }

    @Test
    void serverOwnedReadOnlyWriteOnlyUnknownAndEmptyDataIsDropped() {
        JsonNode doc = user("""
                {"id":"abc","meta":{"created":"x"},"schemas":["urn:x","urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"joy","password":"s3cret",
                 "groups":[{"value":"g1"}],"shoeSize":44,"urn:example:custom:2.0:User":{"tag":"x"},
                 "nickName":"","title":null,"roles":[],"name":{},"emails":[{"type":"work"},{"value":""}],
                 "phoneNumbers":[{"value":"+1","display":"","unknownSub":"x"}]}""");
        assertThat(doc).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"joy","active":true,
                 "phoneNumbers":[{"value":"+1"}]}"""));
    }

    @Test
    void activeDefaultsToTrueOnlyWhenAbsent() {
        assertThat(user(USER + "\"userName\":\"a\"}").get("active").booleanValue()).isTrue();
        assertThat(user(USER + "\"userName\":\"a\",\"active\":false}").get("active").booleanValue()).isFalse();
        assertThat(user(USER + "\"userName\":\"a\",\"active\":\"false\"}").get("active").booleanValue()).isFalse();
    }

    @Test
    void stringsAreKeptExactly() {
        JsonNode doc = user(USER + "\"userName\":\" Joy@X.com \",\"externalId\":\"0123\"}");
        assertThat(doc.get("userName").textValue()).isEqualTo(" Joy@X.com ");
        assertThat(doc.get("externalId").textValue()).isEqualTo("0123");
    }

    /** RFC 7643 §2.3.1: a number is no string; converting it would store what the client never sent ("0123"). */
    @ParameterizedTest
    @ValueSource(strings = {
        USER + "\"userName\":\"a\",\"externalId\":123}|'externalId'",
        USER + "\"userName\":\"a\",\"title\":1.5}|'title'",
        USER + "\"userName\":\"a\",\"emails\":[{\"value\":42}]}|'emails.value'",
        USER + "\"userName\":\"a\",\"" + Schemas.ENTERPRISE_URN + "\":{\"employeeNumber\":7}}|'employeeNumber'"})
    void aNumberWhereAStringIsDefinedIsInvalidValue(String row) {
        String[] parts = row.split("\\|");
        assertThatThrownBy(() -> user(parts[0])).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
            assertThat(e.problem()).isEqualTo(ScimProblem.MUST_BE_STRING);
            assertThat(e.detail()).contains(parts[1]);
        });
    }

    @Test
    void theBodyNamesItsTypesCoreSchemaInAList() {
        for (String body : new String[] {"{\"userName\":\"a\"}", "{\"schemas\":\"" + Schemas.USER_URN + "\",\"userName\":\"a\"}",
                "{\"schemas\":[],\"userName\":\"a\"}", "{\"schemas\":[42],\"userName\":\"a\"}",
                "{\"schemas\":[\"" + Schemas.ENTERPRISE_URN + "\"],\"userName\":\"a\"}"}) {
            assertThatThrownBy(() -> user(body)).as(body).isInstanceOfSatisfying(ScimException.class, e -> {
                assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                assertThat(e.problem()).isEqualTo(ScimProblem.RESOURCE_WITHOUT_SCHEMA);
            });
        }
        assertThatThrownBy(() -> normalizer.normalize(ResourceType.USER, json("{\"schemas\":[\"" + Schemas.GROUP_URN
                + "\",\"" + Schemas.USER_URN + "\"],\"userName\":\"a\"}")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.problem()).isEqualTo(ScimProblem.RESOURCE_OF_ANOTHER_TYPE);
                });
        assertThatThrownBy(() -> normalizer.normalize(ResourceType.GROUP, json(USER + "\"displayName\":\"a\"}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.problem()).isEqualTo(ScimProblem.RESOURCE_WITHOUT_SCHEMA));
    }

    @Test
    void groupMembersAreReturnedApartAndNeverStored() {
        ResourceNormalizer.Normalized n = normalizer.normalize(ResourceType.GROUP, json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","Members":[{"value":"u1","$ref":null},{"value":"u2","display":"Two"},{"value":"u1"}]}"""));
        assertThat(n.doc().has("members")).isFalse();
        assertThat(n.doc().has("Members")).isFalse();
        assertThat(n.memberIds()).containsExactly("u1", "u2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        USER + "\"userName\":\"a\",\"active\":\"yes\"}|'active'",
        USER + "\"userName\":\"a\",\"active\":1}|'active'",
        USER + "\"userName\":\"a\",\"emails\":[{\"value\":\"a@x\",\"primary\":\"maybe\"}]}|'emails.primary'",
        USER + "\"userName\":\"a\",\"emails\":[{\"value\":\"a@x\",\"primary\":true},{\"value\":\"b@x\",\"primary\":\"TRUE\"}]}|'emails'",
        USER + "\"userName\":\"a\",\"title\":{\"x\":1}}|'title'",
        USER + "\"userName\":\"a\",\"name\":\"Joy\"}|'name'",
        USER + "\"userName\":\"a\",\"emails\":\"a@x.com\"}|'emails'",
        USER + "\"userName\":\"a\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":\"x\"}|enterprise",
        USER + "\"userName\":\"\"}|'userName'",
        USER + "\"userName\":\"   \"}|'userName'",
        USER + "\"displayName\":\"Joy\"}|'userName'",
        USER + "\"userName\":[\"a\"]}|'userName'"})
    void invalidValuesNameTheAttribute(String row) {
        String[] parts = row.split("\\|");
        assertThatThrownBy(() -> user(parts[0]))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains(parts[1]);
                });
    }

    @Test
    void groupsNeedADisplayNameAndMembersNeedIds() {
        assertThatThrownBy(() -> normalizer.normalize(ResourceType.GROUP, json(GROUP + "\"externalId\":\"x\"}")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("'displayName'"));
        assertThatThrownBy(() -> normalizer.normalize(ResourceType.GROUP,
                json(GROUP + "\"displayName\":\"x\",\"members\":[{\"value\":\" \"}]}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "null", "42"})
    void aBodyThatIsNotAnObjectIsInvalidSyntax(String body) {
        assertThatThrownBy(() -> user(body)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX));
    }

    @Test
    void theResultDoesNotAliasTheRequest() {
        JsonNode body = json(USER + "\"userName\":\"a\",\"emails\":[{\"value\":\"a@x\"}],\"name\":{\"givenName\":\"G\"}}");
        JsonNode copy = body.deepCopy();
        JsonNode doc = user(body.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("name")).put("givenName", "changed");
        assertThat(body).isEqualTo(copy);
    }
}
