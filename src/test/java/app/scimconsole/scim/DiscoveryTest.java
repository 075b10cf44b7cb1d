package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The discovery documents carry every field RFC 7643 §5–7 requires, taken from the live definitions. */
class DiscoveryTest {
    private static final String BASE = "https://scim.example.com/scim/v2/t1";
    private static final Set<String> ATTRIBUTE_FIELDS = Set.of("name", "type", "multiValued", "description",
            "required", "caseExact", "mutability", "returned", "uniqueness");

    private final Discovery discovery = new Discovery(BASE + "/");

    @Test
    void serviceProviderConfigHasEveryRequiredField() {
        ObjectNode c = discovery.serviceProviderConfig();
        assertThat(c.get("schemas")).containsExactly(text(Schemas.SERVICE_PROVIDER_CONFIG_URN));
        assertThat(c.at("/patch/supported").booleanValue()).isTrue();
        assertThat(c.at("/bulk/supported").isBoolean()).isTrue();
        assertThat(c.at("/bulk/supported").booleanValue()).isFalse();
        assertThat(c.at("/bulk/maxOperations").isInt()).isTrue();
        assertThat(c.at("/bulk/maxOperations").intValue()).isZero();
        assertThat(c.at("/bulk/maxPayloadSize").isInt()).isTrue();
        assertThat(c.at("/bulk/maxPayloadSize").intValue()).isZero();
        assertThat(c.at("/filter/supported").booleanValue()).isTrue();
        assertThat(c.at("/filter/maxResults").intValue()).isEqualTo(ListResponses.MAX_RESULTS).isPositive();
        assertThat(c.at("/changePassword/supported").isBoolean()).isTrue();
        assertThat(c.at("/changePassword/supported").booleanValue()).isFalse();
        assertThat(c.at("/sort/supported").booleanValue()).isTrue();
        assertThat(c.at("/etag/supported").booleanValue()).isTrue();
        JsonNode schemes = c.get("authenticationSchemes");
        assertThat(schemes.isArray()).isTrue();
        assertThat(schemes).hasSize(1);
        assertThat(schemes.at("/0/type").textValue()).isEqualTo("oauthbearertoken");
        assertThat(schemes.at("/0/name").textValue()).isEqualTo("OAuth Bearer Token");
        assertThat(schemes.at("/0/description").textValue()).isNotBlank();
        assertThat(c.at("/meta/resourceType").textValue()).isEqualTo("ServiceProviderConfig");
        assertThat(c.at("/meta/location").textValue()).isEqualTo(BASE + "/ServiceProviderConfig");
    }

    @Test
    void resourceTypesListsUserWithOptionalEnterpriseExtensionAndGroup() {
        ObjectNode list = discovery.resourceTypes();
        assertListResponse(list, 2);
        JsonNode user = list.at("/Resources/0");
        assertThat(user.get("schemas")).containsExactly(text(Schemas.RESOURCE_TYPE_URN));
        assertThat(user.get("id").textValue()).isEqualTo("User");
        assertThat(user.get("name").textValue()).isEqualTo("User");
        assertThat(user.get("endpoint").textValue()).isEqualTo("/Users");
        assertThat(user.get("description").textValue()).isEqualTo("User Account");
        assertThat(user.get("schema").textValue()).isEqualTo(Schemas.USER_URN);
        assertThat(user.at("/schemaExtensions/0/schema").textValue()).isEqualTo(Schemas.ENTERPRISE_URN);
        assertThat(user.at("/schemaExtensions/0/required").isBoolean()).isTrue();
        assertThat(user.at("/schemaExtensions/0/required").booleanValue()).isFalse();
        assertThat(user.at("/meta/resourceType").textValue()).isEqualTo("ResourceType");
        assertThat(user.at("/meta/location").textValue()).isEqualTo(BASE + "/ResourceTypes/User");

        JsonNode group = list.at("/Resources/1");
        assertThat(group.get("id").textValue()).isEqualTo("Group");
        assertThat(group.get("endpoint").textValue()).isEqualTo("/Groups");
        assertThat(group.get("schema").textValue()).isEqualTo(Schemas.GROUP_URN);
        assertThat(group.has("schemaExtensions")).isFalse();
        assertThat(group.at("/meta/location").textValue()).isEqualTo(BASE + "/ResourceTypes/Group");
    }

    @Test
    void eachResourceTypeIsServedByIdInAnyCase() {
        assertThat(discovery.resourceType("user")).isEqualTo(discovery.resourceType(ResourceType.USER));
        assertThat(discovery.resourceType("Group")).isEqualTo(discovery.resourceType(ResourceType.GROUP));
        assertThatThrownBy(() -> discovery.resourceType("Device"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void schemasListMatchesSchemasAll() {
        ObjectNode list = discovery.schemas();
        assertListResponse(list, Schemas.all().size());
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(s -> ids.add(s.get("id").textValue()));
        assertThat(ids).containsExactlyElementsOf(Schemas.all().stream().map(ResourceSchema::id).toList());
    }

    @Test
    void everySchemaDescribesEveryAttributeCompletely() {
        for (ResourceSchema s : Schemas.all()) {
            ObjectNode doc = discovery.schema(s);
            assertThat(doc.get("id").textValue()).isEqualTo(s.id());
            assertThat(doc.get("name").textValue()).isEqualTo(s.name());
            assertThat(doc.get("description").textValue()).isEqualTo(s.description());
            assertThat(doc.at("/meta/resourceType").textValue()).isEqualTo("Schema");
            assertThat(doc.at("/meta/location").textValue()).isEqualTo(BASE + "/Schemas/" + s.id());
            assertAttributes(doc.get("attributes"), s.attributes(), s.id());
        }
    }

    private static void assertAttributes(JsonNode docs, List<AttributeDef> defs, String where) {
        assertThat(docs).as(where).hasSize(defs.size());
        for (int i = 0; i < defs.size(); i++) {
            AttributeDef d = defs.get(i);
            JsonNode a = docs.get(i);
            String here = where + ":" + d.name();
            assertThat(iterable(a.fieldNames())).as(here).containsAll(ATTRIBUTE_FIELDS);
            assertThat(a.get("name").textValue()).as(here).isEqualTo(d.name());
            assertThat(a.get("type").textValue()).as(here)
                    .isIn("string", "boolean", "decimal", "integer", "dateTime", "reference", "complex", "binary");
            assertThat(a.get("multiValued").booleanValue()).as(here).isEqualTo(d.multiValued());
            assertThat(a.get("required").booleanValue()).as(here).isEqualTo(d.required());
            assertThat(a.get("caseExact").booleanValue()).as(here).isEqualTo(d.caseExact());
            assertThat(a.get("description").textValue()).as(here).isNotBlank();
            assertThat(a.get("mutability").textValue()).as(here).isIn("readOnly", "readWrite", "immutable", "writeOnly");
            assertThat(a.get("returned").textValue()).as(here).isIn("always", "never", "default", "request");
            assertThat(a.get("uniqueness").textValue()).as(here).isIn("none", "server", "global");
            assertThat(a.has("canonicalValues")).as(here).isEqualTo(!d.canonicalValues().isEmpty());
            assertThat(a.has("referenceTypes")).as(here).isEqualTo(!d.referenceTypes().isEmpty());
            assertThat(a.has("subAttributes")).as(here).isEqualTo(d.isComplex());
            if (d.isComplex()) {
                assertAttributes(a.get("subAttributes"), d.subAttributes(), here);
            }
        }
    }

    @Test
    void schemaCharacteristicsThatClientsRelyOnAreAdvertised() {
        JsonNode user = discovery.schema(Schemas.USER_URN.toUpperCase());
        assertThat(user.get("description").textValue()).isEqualTo("User Account");
        JsonNode userName = attributeNamed(user, "userName");
        assertThat(userName.get("required").booleanValue()).isTrue();
        assertThat(userName.get("uniqueness").textValue()).isEqualTo("server");
        JsonNode password = attributeNamed(user, "password");
        assertThat(password.get("mutability").textValue()).isEqualTo("writeOnly");
        assertThat(password.get("returned").textValue()).isEqualTo("never");
        JsonNode emailType = attributeNamed(attributeNamed(user, "emails").get("subAttributes"), "type");
        assertThat(emailType.get("canonicalValues")).containsExactly(text("work"), text("home"), text("other"));
        // Members are users only (no nested groups), and both computed $refs are read-only.
        JsonNode members = attributeNamed(discovery.schema(Schemas.GROUP), "members");
        JsonNode memberRef = attributeNamed(members.get("subAttributes"), "$ref");
        assertThat(memberRef.get("referenceTypes")).containsExactly(text("User"));
        assertThat(memberRef.get("mutability").textValue()).isEqualTo("readOnly");
        assertThat(attributeNamed(members.get("subAttributes"), "type").get("canonicalValues"))
                .containsExactly(text("User"));
        JsonNode manager = attributeNamed(discovery.schema(Schemas.ENTERPRISE_USER), "manager");
        assertThat(attributeNamed(manager.get("subAttributes"), "$ref").get("mutability").textValue())
                .isEqualTo("readOnly");
        assertThatThrownBy(() -> discovery.schema("urn:example:nothing"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void noDocumentContainsANull() {
        List<JsonNode> docs = new ArrayList<>(List.of(discovery.serviceProviderConfig(), discovery.resourceTypes(),
                discovery.schemas()));
        for (ResourceType t : ResourceType.values()) {
            docs.add(discovery.resourceType(t));
        }
        for (ResourceSchema s : Schemas.all()) {
            docs.add(discovery.schema(s));
        }
        for (JsonNode d : docs) {
            assertThat(JsonTrees.nullsIn(d)).as(d.toString()).isEmpty();
        }
    }

    @Test
    void baseUrlMustBeAbsolute() {
        assertThatThrownBy(() -> new Discovery("/scim/v2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discovery(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Discovery(BASE).serviceProviderConfig()).isEqualTo(discovery.serviceProviderConfig());
    }

    private static JsonNode attributeNamed(JsonNode schemaOrList, String name) {
        JsonNode list = schemaOrList.has("attributes") ? schemaOrList.get("attributes") : schemaOrList;
        for (JsonNode a : list) {
            if (a.get("name").textValue().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    private static void assertListResponse(JsonNode list, int size) {
        assertThat(list.get("schemas")).containsExactly(text(Schemas.LIST_RESPONSE_URN));
        assertThat(list.get("totalResults").intValue()).isEqualTo(size);
        assertThat(list.get("itemsPerPage").intValue()).isEqualTo(size);
        assertThat(list.get("startIndex").intValue()).isEqualTo(1);
        assertThat(list.get("Resources")).hasSize(size);
    }

    private static JsonNode text(String s) {
        return ScimJson.NODES.textNode(s);
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
