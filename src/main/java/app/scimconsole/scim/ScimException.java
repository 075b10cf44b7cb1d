package app.scimconsole.scim;

/**
 * A failure that a SCIM client is told about: an HTTP status, an optional {@link ScimType} and a
 * plain-language detail. Unchecked, because every layer simply lets it travel to the HTTP edge.
 */
public final class ScimException extends RuntimeException {
    private final int status;
    private final ScimType scimType;

    public ScimException(int status, ScimType scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public ScimException(ScimType scimType, String detail) {
        this(scimType.status(), scimType, detail);
    }

    public int status() {
        return status;
    }

    /** May be null: 404, 412, 413 and 5xx carry no scimType. */
    public ScimType scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(ScimType.INVALID_FILTER, detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(ScimType.INVALID_PATH, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(ScimType.INVALID_VALUE, detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(ScimType.NO_TARGET, detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(ScimType.MUTABILITY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(ScimType.UNIQUENESS, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }
}
