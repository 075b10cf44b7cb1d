package app.scimconsole.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The RFC 7644 §3.12 error body. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    /** {@code status} is a JSON string, as the RFC's schema and examples have it; absent parts are left out. */
    public static ObjectNode of(ScimException e) {
        ObjectNode body = ScimJson.message(Schemas.ERROR_URN);
        body.put("status", Integer.toString(e.status()));
        if (e.scimType() != null) {
            body.put("scimType", e.scimType().wire());
        }
        body.put("detail", e.detail());
        return body;
    }
}
