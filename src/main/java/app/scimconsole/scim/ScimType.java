package app.scimconsole.scim;

/** The {@code scimType} keywords of RFC 7644 §3.12, each bound to the HTTP status it travels with. */
public enum ScimType {
    INVALID_FILTER("invalidFilter", 400),
    TOO_MANY("tooMany", 400),
    UNIQUENESS("uniqueness", 409),
    MUTABILITY("mutability", 400),
    INVALID_SYNTAX("invalidSyntax", 400),
    INVALID_PATH("invalidPath", 400),
    NO_TARGET("noTarget", 400),
    INVALID_VALUE("invalidValue", 400),
    INVALID_VERS("invalidVers", 400),
    SENSITIVE("sensitive", 403);

    private final String wire;
    private final int status;

    ScimType(String wire, int status) {
        this.wire = wire;
        this.status = status;
    }

    public String wire() {
        return wire;
    }

    public int status() {
        return status;
    }
}
