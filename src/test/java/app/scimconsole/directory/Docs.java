package app.scimconsole.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds SCIM documents for tests from JSON text with single quotes. */
final class Docs {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Docs() {
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode user(String userName) {
        ObjectNode doc = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']}");
        doc.put("userName", userName);
        return doc;
    }

    static ObjectNode group(String displayName) {
        ObjectNode doc = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']}");
        doc.put("displayName", displayName);
        return doc;
    }
}
