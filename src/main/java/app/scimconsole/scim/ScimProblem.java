package app.scimconsole.scim;

import java.util.List;

/**
 * Every failure a SCIM client can be told about, as a stable code. A {@link ScimException} carries one with its
 * arguments (attribute names, values, limits…, always in the order the template numbers them), so that the activity
 * log can keep a rejection as data and the console can say it in the owner's language from its bundles
 * ({@code scim.problem.<CODE>}, the same placeholders). The English template here is the one place the wire's
 * {@code detail} (RFC 7644 §3.12) is made, because Entra shows it to administrators as it is.
 *
 * <p>The filter and PATCH-path grammar has two codes per failure ({@code FILTER_…}, {@code PATH_…}): the same
 * mistake reads differently in a query filter and in a PATCH path, and travels with another {@code scimType}.
 */
public enum ScimProblem {
    // ---- the request itself ----------------------------------------------------------------------------------
    QUERY_NOT_PERCENT_ENCODED(400, "The query string is not correctly percent-encoded."),
    CONTENT_LENGTH_NOT_A_NUMBER(400, "The Content-Length header is not a number."),
    /** args: the limit in KiB */
    BODY_TOO_LARGE(413, "The request body is larger than {0} KiB."),
    /** args: the media type sent */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Content-Type '{0}'; send application/scim+json or application/json."),
    BODY_EMPTY(ScimType.INVALID_SYNTAX, "The request body is empty; a JSON object was expected."),
    /** args: line, column, the JSON parser's own (English) reason */
    BODY_NOT_JSON(ScimType.INVALID_SYNTAX, "The request body is not valid JSON at line {0}, column {1}: {2}"),
    /** args: the JSON parser's own (English) reason, when it cannot say where */
    BODY_NOT_JSON_UNLOCATED(ScimType.INVALID_SYNTAX, "The request body is not valid JSON: {0}"),
    BODY_UNREADABLE(ScimType.INVALID_SYNTAX, "The request body could not be read."),
    BODY_NOT_AN_OBJECT(ScimType.INVALID_SYNTAX, "The request body must be a JSON object."),
    /** args: where, as a JSON Pointer */
    BODY_INVALID_UNICODE(ScimType.INVALID_SYNTAX, "The request body holds text that is not valid Unicode (a surrogate"
            + " without its pair, or a noncharacter) at '{0}'; RFC 7493 §2.1 forbids it."),
    MALFORMED_REQUEST(400, "The request is not well-formed HTTP."),
    REQUEST_TOO_SLOW(408, "The request arrived too slowly; send it again."),
    /** args: the limit in KiB */
    REQUEST_LINE_TOO_LONG(414, "The request line (method, path and query) is longer than {0} KiB."),
    /** args: the limit in KiB */
    HEADERS_TOO_LARGE(431, "The request headers are larger than {0} KiB in all."),
    IF_MATCH_UNKNOWN_VERSION(412, "If-Match does not match the current version of the resource."),
    SERVICE_BUSY(503, "The service is busy; try again in a moment."),
    SERVICE_RESTARTING(503, "The service is restarting; try again in a moment."),

    // ---- where the request went, and who sent it -------------------------------------------------------------
    NO_SCIM_ENDPOINT(404, "No SCIM endpoint at this path."),
    NOT_UNDER_A_TENANT(404, "No SCIM endpoint at this path. The tenant URL looks like <public URL>/scim/v2/<tenant id>;"
            + " resources are below it (/Users, /Groups)."),
    /** args: the path prefix of tenant URLs */
    NOTHING_HERE_SCIM(404, "Nothing here. A SCIM tenant URL has the form <public URL>{0}<tenant id>."),
    /** args: the admin API's path prefix */
    NOTHING_HERE_ADMIN(404, "Nothing here. The admin API is at {0}"),
    TENANT_URL_ROOT(404, "This is the tenant URL; resources are at /Users and /Groups."),
    /** args: the endpoint's name, without a slash */
    UNKNOWN_ENDPOINT(404, "'/{0}' is not a SCIM endpoint of this service."),
    /** args: the endpoint's name (bulk, me), without a slash */
    UNSUPPORTED_ENDPOINT(501, "/{0} is not supported by this service."),
    /** args: the endpoint's name, without a slash */
    READ_ONLY_ENDPOINT(405, "/{0} is read-only; use GET."),
    /** args: the method sent, the methods allowed (as in the Allow header) */
    METHOD_NOT_ALLOWED(405, "{0} is not allowed here; allowed: {1}."),
    /** args: the path as the client wrote it below the tenant URL */
    NO_SUCH_PATH(404, "'{0}' does not exist."),
    /** args: resource type name (User, Group), id */
    RESOURCE_NOT_FOUND(404, "{0} '{1}' does not exist."),
    /** args: the id asked for */
    NO_SUCH_RESOURCE_TYPE(404, "No resource type '{0}'."),
    /** args: the URN asked for */
    NO_SUCH_SCHEMA(404, "No schema '{0}'."),
    NO_CREDENTIALS(401, "Authentication required: send the secret token as 'Authorization: Bearer <token>'."),
    WRONG_TOKEN(401, "The secret token is not valid for this tenant URL. Copy the current token from SCIM Console."),
    /** The same for every reason (expired, revoked, another tenant's): a stranger learns nothing from it. */
    ACCESS_TOKEN_REFUSED(401, "The access token is not valid for this tenant URL; obtain a new one from the tenant's "
            + "token endpoint."),
    /** args: the tenant's rate per second, the seconds to wait */
    TOO_MANY_REQUESTS(429, "Too many requests for this tenant (more than {0} a second); try again in {1} s."),
    INTERNAL_ERROR(500, "The service could not complete the request."),
    DATABASE_UNREACHABLE(503, "The service cannot reach its database right now; try again in a moment."),
    STORAGE_FULL(503, "The disk that holds the service's data is full, so nothing can be saved; try again once"
            + " space has been freed."),
    STORAGE_READ_ONLY(503, "The service's data cannot be written right now (its storage is read-only); try again"
            + " later."),
    STORAGE_IO_ERROR(503, "The service's storage failed to read or write its data; try again later."),

    // ---- the service's rules and the stored state ------------------------------------------------------------
    /** args: the attribute (userName, emails.value), the 1-based position, the character as U+XXXX */
    IDENTITY_CHARACTER(ScimType.INVALID_VALUE, "'{0}' contains {2} at position {1}, an invisible or control character"
            + " that a sign-in identity may not contain."),
    /** args: the attribute (userName), the 1-based position, the character as U+XXXX, what it stands for */
    IDENTITY_COMPATIBILITY_CHARACTER(ScimType.INVALID_VALUE, "'{0}' contains {2} at position {1}, a compatibility"
            + " character that stands for '{3}'; a username may not contain it (RFC 8265). Write '{3}' instead."),
    /** args: the attribute (userName, emails.value), the value */
    NOT_AN_EMAIL_ADDRESS(ScimType.INVALID_VALUE, "'{0}' contains @, but '{1}' is not a valid e-mail address."),
    /** args: the domain */
    DOMAIN_NOT_VERIFIED(ScimType.INVALID_VALUE, "The e-mail domain '{0}' is not verified for this organization, so this"
            + " user was not accepted. Register '{0}' in SCIM Console (Domains) and publish its DNS TXT record;"
            + " Entra's next cycle will then provision the user."),
    /** args: the unique attribute (userName, displayName), the value */
    VALUE_TAKEN(ScimType.UNIQUENESS, "{0} '{1}' is already taken."),
    /** args: resource type name, id, the stored version, the version the client expected */
    VERSION_MISMATCH(412, "{0} '{1}' is at version {2}, not {3}."),
    /** args: resource type name, id */
    CHANGED_CONCURRENTLY(412, "{0} '{1}' was changed by another request; read it again."),
    MEMBER_VANISHED(ScimType.INVALID_VALUE, "A user to be made a member no longer exists."),
    /** args: the id */
    NO_SUCH_MEMBER(ScimType.INVALID_VALUE, "No user with id '{0}' exists to be a member."),

    // ---- list parameters (RFC 7644 §3.4.2, §3.4.3) -----------------------------------------------------------
    SEARCH_NOT_AN_OBJECT(ScimType.INVALID_SYNTAX, "A search request is a JSON object (RFC 7644 §3.4.3)."),
    SORT_ORDER_INVALID(ScimType.INVALID_VALUE, "sortOrder must be 'ascending' or 'descending'."),
    /** args: the sortBy sent */
    SORT_BY_NOT_A_PATH(ScimType.INVALID_VALUE, "sortBy '{0}' is not an attribute path."),
    SORT_ACROSS_TYPES(ScimType.INVALID_VALUE, "sortBy cannot order a search across resource types; search"
            + " /Users/.search or /Groups/.search to sort."),
    /**
     * args: the sortBy sent, the most matches such a sort is offered on. A sort no index holds reads every match for
     * each page; sorting is optional (RFC 7644 §3.4.2.3), so a longer list is refused rather than read for seconds.
     */
    SORT_NEEDS_NARROWER_LIST(ScimType.INVALID_VALUE, "sortBy '{0}' is offered only on a list of at most {1}"
            + " matches, and this one has more: no index holds that order, so each page would read and sort every"
            + " match. Narrow the list with a filter, or leave sortBy out (sorting is optional)."),
    /** args: the parameter's name, the text sent */
    NOT_AN_INTEGER(ScimType.INVALID_VALUE, "{0} must be an integer, not '{1}'."),

    // ---- attribute names (scimType invalidPath, or invalidFilter inside a filter) ----------------------------
    /** args: the URN, resource type name */
    UNKNOWN_SCHEMA(ScimType.INVALID_PATH, "'{0}' is not a schema of {1} resources."),
    /** args: the attribute, resource type name */
    UNKNOWN_ATTRIBUTE(ScimType.INVALID_PATH, "'{0}' is not an attribute of {1} resources."),
    /** args: the sub-attribute, the attribute */
    UNKNOWN_SUB_ATTRIBUTE(ScimType.INVALID_PATH, "'{0}' is not a sub-attribute of '{1}'."),

    // ---- what a filter or sortBy can ask of the store (args: the attribute path, or the filter's text) -------
    NOT_FILTERABLE(ScimType.INVALID_FILTER, "'{0}' cannot be used to filter or sort."),
    NO_SUB_ATTRIBUTES(ScimType.INVALID_FILTER, "'{0}' has no sub-attributes to filter on."),
    COMPLEX_NEEDS_SUB_ATTRIBUTE(ScimType.INVALID_FILTER, "'{0}' is complex; name one of its sub-attributes."),
    MEMBERSHIP_SUB_ATTRIBUTE(ScimType.INVALID_FILTER,
            "'{0}' of a membership cannot be used to filter or sort; use value or display."),
    NULL_COMPARISON(ScimType.INVALID_FILTER, "'{0}' compares with null, which allows only eq and ne."),
    NEEDS_DATETIME(ScimType.INVALID_FILTER, "'{0}' needs a dateTime value and one of eq ne gt ge lt le."),
    BOOLEAN_ORDERING(ScimType.INVALID_FILTER, "'{0}' compares a boolean, which allows only eq and ne."),
    NEEDS_NUMBER(ScimType.INVALID_FILTER, "'{0}' needs a number and one of eq ne gt ge lt le."),
    NOT_COMPARABLE(ScimType.INVALID_FILTER, "'{0}' names a complex or binary attribute, which cannot be compared."),
    NEEDS_STRING(ScimType.INVALID_FILTER, "'{0}' needs a quoted string value."),
    NEEDS_BOOLEAN(ScimType.INVALID_FILTER, "'{0}' needs true or false."),
    /** args: the attribute path compared */
    UNSTORABLE_FILTER_VALUE(ScimType.INVALID_VALUE, "The filter compares '{0}' with a value that contains a NUL"
            + " character or a surrogate without its pair, which no value can hold."),

    // ---- values in a resource or a PATCH (args: the attribute, as a client writes it) ------------------------
    REQUIRED_ATTRIBUTE(ScimType.INVALID_VALUE, "'{0}' is required and cannot be empty."),
    /** args: the attribute, how many values are primary */
    PRIMARY_NOT_UNIQUE(ScimType.INVALID_VALUE, "Only one value of '{0}' can be primary; {1} are."),
    PRIMARY_SET_TWICE(ScimType.INVALID_VALUE, "Only one value of '{0}' can be primary."),
    MUST_BE_LIST(ScimType.INVALID_VALUE, "'{0}' must be a list."),
    MUST_BE_BOOLEAN(ScimType.INVALID_VALUE, "'{0}' must be true or false."),
    MUST_BE_INTEGER(ScimType.INVALID_VALUE, "'{0}' must be an integer."),
    MUST_BE_NUMBER(ScimType.INVALID_VALUE, "'{0}' must be a number."),
    MUST_BE_STRING(ScimType.INVALID_VALUE, "'{0}' must be a string."),
    MUST_BE_OBJECT(ScimType.INVALID_VALUE, "'{0}' must be an object."),
    /** args: the extension's URN */
    EXTENSION_NOT_AN_OBJECT(ScimType.INVALID_VALUE, "The value under '{0}' must be an object."),
    /** args: where, as a JSON Pointer */
    VALUE_CONTAINS_NUL(ScimType.INVALID_VALUE, "The value at '{0}' contains a NUL character (U+0000), which no value"
            + " can hold."),
    /** args: the core schema's URN of the endpoint's resource type */
    RESOURCE_WITHOUT_SCHEMA(ScimType.INVALID_SYNTAX, "The body's 'schemas' must be a list of schema URIs that"
            + " includes '{0}'."),
    /** args: the other type's core schema URN, that type's name (User, Group), the endpoint (/Users, /Groups) */
    RESOURCE_OF_ANOTHER_TYPE(ScimType.INVALID_SYNTAX, "'{0}' is the schema of {1} resources, which {2} does not take."),
    READ_ONLY_ATTRIBUTE(ScimType.MUTABILITY, "'{0}' is read-only and cannot be changed."),

    // ---- PATCH (RFC 7644 §3.5.2) -----------------------------------------------------------------------------
    PATCH_WITHOUT_OPERATIONS(ScimType.INVALID_SYNTAX,
            "A PATCH body must be a JSON object with an 'Operations' array of one or more operations."),
    /** args: the PatchOp schema's URN */
    PATCH_WITHOUT_PATCH_OP_SCHEMA(ScimType.INVALID_SYNTAX, "A PATCH body's 'schemas' must be a list that includes '{0}'."),
    /** args: the limit, how many were sent */
    TOO_MANY_OPERATIONS(ScimType.INVALID_SYNTAX, "A PATCH may carry at most {0} operations; this one has {1}."),
    /** args: the JSON type sent (ARRAY, STRING, …) */
    OPERATION_NOT_AN_OBJECT(ScimType.INVALID_SYNTAX, "Each operation must be a JSON object; got {0}."),
    OPERATION_WITHOUT_OP(ScimType.INVALID_SYNTAX, "Each operation needs an 'op' of add, replace or remove; got none."),
    /** args: the op sent, as JSON */
    UNKNOWN_OPERATION(ScimType.INVALID_SYNTAX, "Each operation needs an 'op' of add, replace or remove; got {0}."),
    OPERATION_PATH_NOT_A_STRING(ScimType.INVALID_SYNTAX, "An operation's 'path' must be a string."),
    REMOVE_WITHOUT_PATH(ScimType.NO_TARGET, "A remove operation needs a 'path'."),
    /** args: the core schema's URN */
    CORE_SCHEMA_NOT_REMOVABLE(ScimType.INVALID_PATH, "'{0}' is the resource itself and cannot be removed;"
            + " remove its attributes instead."),
    /** args: the op (add, replace) */
    VALUE_NOT_AN_OBJECT(ScimType.INVALID_SYNTAX, "The '{0}' operation needs an object 'value' when it has no 'path'."),
    /** args: the attribute */
    VALUE_FILTER_ON_SINGLE_VALUE(ScimType.INVALID_PATH,
            "A filter can only select values of a multi-valued attribute; '{0}' is not one."),
    VALUE_FILTER_NESTED(ScimType.INVALID_PATH, "A value filter cannot be nested inside another."),
    /** args: the attribute, the sub-attribute */
    NO_VALUES_FOR_SUB_ATTRIBUTE(ScimType.NO_TARGET, "'{0}' has no values whose '{1}' could be set."),
    /** args: the filtered path, how many values match, the op */
    VALUE_FILTER_MATCHES_MANY(ScimType.NO_TARGET,
            "The filter in '{0}' matches {1} values; it must select exactly one to {2}."),
    /** args: the filtered path */
    VALUE_FILTER_MATCHES_NONE(ScimType.NO_TARGET,
            "No value matches '{0}', and its filter does not describe a new one (use 'eq' joined by 'and')."),
    /** args: the attribute */
    REMOVE_VALUES_NOT_A_LIST(ScimType.INVALID_VALUE,
            "A remove of '{0}' with a value needs a list of {\"value\": ...} objects."),
    /** args: the attribute */
    REMOVED_VALUE_WITHOUT_VALUE(ScimType.INVALID_VALUE, "Each value removed from '{0}' needs a non-empty string 'value'."),
    MEMBERS_AS_A_WHOLE(ScimType.INVALID_PATH, "Members can only be added, replaced or removed as a whole or by"
            + " 'members[value eq \"id\"]'; their sub-attributes cannot be changed."),
    MEMBERS_NOT_A_LIST(ScimType.INVALID_VALUE, "'members' must be a list of {\"value\": id} objects."),
    MEMBER_WITHOUT_VALUE(ScimType.INVALID_VALUE, "Each member needs a non-empty string 'value' (the member's id)."),
    /** args: the filter that selects members */
    MEMBER_SELECTION(ScimType.INVALID_PATH, "Members can only be selected by 'value eq \"id\"'; got '{0}'."),

    // ---- the filter grammar (RFC 7644 §3.4.2.2); args: the 1-based position, then as named ------------------
    FILTER_EMPTY(ScimType.INVALID_FILTER, "Invalid filter at position {0}: the filter is empty."),
    /** args: position, the limit */
    FILTER_TOO_LONG(ScimType.INVALID_FILTER, "Invalid filter at position {0}: the filter is longer than {1} characters."),
    /** args: position, the limit */
    FILTER_TOO_DEEP(ScimType.INVALID_FILTER, "Invalid filter at position {0}: nesting is deeper than {1} levels."),
    /** args: position, the character */
    FILTER_UNEXPECTED(ScimType.INVALID_FILTER, "Invalid filter at position {0}: unexpected '{1}'."),
    /** args: position, the character */
    FILTER_EXPECTED(ScimType.INVALID_FILTER, "Invalid filter at position {0}: expected '{1}'."),
    FILTER_AFTER_SUB_ATTRIBUTE(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: a filter must follow the attribute, not its sub-attribute."),
    FILTER_NESTED_VALUE_FILTER(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: a value filter cannot be nested inside another."),
    /** args: position, the attribute path */
    FILTER_EXPECTED_OPERATOR(ScimType.INVALID_FILTER, "Invalid filter at position {0}: expected an operator after '{1}'."),
    /** args: position, the word */
    FILTER_UNKNOWN_OPERATOR(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: '{1}' is not an operator (eq ne co sw ew gt ge lt le pr)."),
    /** args: position, the operator */
    FILTER_EXPECTED_VALUE_AFTER(ScimType.INVALID_FILTER, "Invalid filter at position {0}: expected a value after '{1}'."),
    FILTER_EXPECTED_VALUE(ScimType.INVALID_FILTER, "Invalid filter at position {0}: expected a value."),
    /** args: position, the word */
    FILTER_LITERAL_CASE(ScimType.INVALID_FILTER, "Invalid filter at position {0}: '{1}' must be written in lower case."),
    /** args: position, the word */
    FILTER_NOT_A_NUMBER(ScimType.INVALID_FILTER, "Invalid filter at position {0}: '{1}' is not a number."),
    /** args: position, the word */
    FILTER_UNQUOTED_VALUE(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: '{1}' is not a value; quote strings with \"."),
    /** args: position, the character after the backslash */
    FILTER_UNKNOWN_ESCAPE(ScimType.INVALID_FILTER, "Invalid filter at position {0}: unknown escape '\\{1}'."),
    FILTER_UNICODE_ESCAPE(ScimType.INVALID_FILTER, "Invalid filter at position {0}: a \\u escape needs four hex digits."),
    FILTER_UNTERMINATED_STRING(ScimType.INVALID_FILTER, "Invalid filter at position {0}: unterminated string."),
    FILTER_EXPECTED_ATTRIBUTE(ScimType.INVALID_FILTER, "Invalid filter at position {0}: expected an attribute name."),
    FILTER_EXPECTED_SUB_ATTRIBUTE(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: expected a sub-attribute name."),
    FILTER_URN_INSIDE_BRACKETS(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: a sub-attribute inside [ ] cannot carry a schema URN."),
    /** args: position, the text before the last colon */
    FILTER_NOT_A_URN(ScimType.INVALID_FILTER, "Invalid filter at position {0}: '{1}' is not a schema URN."),
    /** args: position, the attribute path */
    FILTER_TOO_MANY_LEVELS(ScimType.INVALID_FILTER, "Invalid filter at position {0}: '{1}' has too many levels."),
    /** args: position, the attribute path */
    FILTER_BAD_ATTRIBUTE_PATH(ScimType.INVALID_FILTER,
            "Invalid filter at position {0}: '{1}' is not a valid attribute path."),

    // ---- the same, in a PATCH path (RFC 7644 §3.5.2) ---------------------------------------------------------
    PATH_EMPTY(ScimType.INVALID_PATH, "Invalid path at position {0}: the path is empty."),
    PATH_TOO_LONG(ScimType.INVALID_PATH, "Invalid path at position {0}: the path is longer than {1} characters."),
    PATH_TOO_DEEP(ScimType.INVALID_PATH, "Invalid path at position {0}: nesting is deeper than {1} levels."),
    PATH_UNEXPECTED(ScimType.INVALID_PATH, "Invalid path at position {0}: unexpected '{1}'."),
    PATH_EXPECTED(ScimType.INVALID_PATH, "Invalid path at position {0}: expected '{1}'."),
    PATH_AFTER_SUB_ATTRIBUTE(ScimType.INVALID_PATH,
            "Invalid path at position {0}: a filter must follow the attribute, not its sub-attribute."),
    PATH_NESTED_VALUE_FILTER(ScimType.INVALID_PATH,
            "Invalid path at position {0}: a value filter cannot be nested inside another."),
    PATH_EXPECTED_OPERATOR(ScimType.INVALID_PATH, "Invalid path at position {0}: expected an operator after '{1}'."),
    PATH_UNKNOWN_OPERATOR(ScimType.INVALID_PATH,
            "Invalid path at position {0}: '{1}' is not an operator (eq ne co sw ew gt ge lt le pr)."),
    PATH_EXPECTED_VALUE_AFTER(ScimType.INVALID_PATH, "Invalid path at position {0}: expected a value after '{1}'."),
    PATH_EXPECTED_VALUE(ScimType.INVALID_PATH, "Invalid path at position {0}: expected a value."),
    PATH_LITERAL_CASE(ScimType.INVALID_PATH, "Invalid path at position {0}: '{1}' must be written in lower case."),
    PATH_NOT_A_NUMBER(ScimType.INVALID_PATH, "Invalid path at position {0}: '{1}' is not a number."),
    PATH_UNQUOTED_VALUE(ScimType.INVALID_PATH,
            "Invalid path at position {0}: '{1}' is not a value; quote strings with \"."),
    PATH_UNKNOWN_ESCAPE(ScimType.INVALID_PATH, "Invalid path at position {0}: unknown escape '\\{1}'."),
    PATH_UNICODE_ESCAPE(ScimType.INVALID_PATH, "Invalid path at position {0}: a \\u escape needs four hex digits."),
    PATH_UNTERMINATED_STRING(ScimType.INVALID_PATH, "Invalid path at position {0}: unterminated string."),
    PATH_EXPECTED_ATTRIBUTE(ScimType.INVALID_PATH, "Invalid path at position {0}: expected an attribute name."),
    PATH_EXPECTED_SUB_ATTRIBUTE(ScimType.INVALID_PATH, "Invalid path at position {0}: expected a sub-attribute name."),
    PATH_URN_INSIDE_BRACKETS(ScimType.INVALID_PATH,
            "Invalid path at position {0}: a sub-attribute inside [ ] cannot carry a schema URN."),
    PATH_NOT_A_URN(ScimType.INVALID_PATH, "Invalid path at position {0}: '{1}' is not a schema URN."),
    PATH_TOO_MANY_LEVELS(ScimType.INVALID_PATH, "Invalid path at position {0}: '{1}' has too many levels."),
    PATH_BAD_ATTRIBUTE_PATH(ScimType.INVALID_PATH, "Invalid path at position {0}: '{1}' is not a valid attribute path.");


    private final int status;
    private final ScimType scimType;
    private final String english;
    private final int arity;

    ScimProblem(int status, String english) {
        this(status, null, english);
    }

    ScimProblem(ScimType scimType, String english) {
        this(scimType.status(), scimType, english);
    }

    ScimProblem(int status, ScimType scimType, String english) {
        this.status = status;
        this.scimType = scimType;
        this.english = english;
        this.arity = Placeholders.arity(english);
    }

    /** The status it travels with, unless a thrower picks another {@code scimType} (and so its status). */
    /** The stable code that names this problem as data (in the activity log, the admin API, the bundles' keys). */
    public String code() {
        return "scim.problem." + name();
    }

    public int status() {
        return status;
    }

    /** May be null: 401, 404, 405, 412, 413, 415, 429 and 5xx carry none. */
    public ScimType scimType() {
        return scimType;
    }

    /** The English template: {@code {0}}, {@code {1}}… stand for the arguments, with no other syntax. */
    public String englishTemplate() {
        return english;
    }

    /** How many arguments the template takes. */
    public int arity() {
        return arity;
    }

    /** The wire's English detail for these arguments. */
    public String english(List<String> args) {
        return Placeholders.fill(english, args);
    }
}
