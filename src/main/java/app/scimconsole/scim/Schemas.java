package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Mutability;
import app.scimconsole.scim.AttributeDef.Returned;
import app.scimconsole.scim.AttributeDef.Type;
import app.scimconsole.scim.AttributeDef.Uniqueness;
import java.util.List;

/**
 * The schemas this service implements (RFC 7643 §4 and §8.7.1), declared once as data. {@code /Schemas}
 * serialises them and every parser and the PATCH engine resolve paths against them.
 */
public final class Schemas {
    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private Schemas() {
    }

    private static AttributeDef attr(String name, Type type, String description) {
        return new AttributeDef(name, type, false, description, false, false, Mutability.READ_WRITE,
                Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
    }

    private static AttributeDef str(String name, String description) {
        return attr(name, Type.STRING, description);
    }

    private static AttributeDef with(AttributeDef a, boolean multiValued, boolean required, boolean caseExact,
            Mutability m, Returned r, Uniqueness u) {
        return new AttributeDef(a.name(), a.type(), multiValued, a.description(), required, caseExact, m, r, u,
                a.subAttributes(), a.canonicalValues(), a.referenceTypes());
    }

    private static AttributeDef complex(String name, boolean multiValued, String description, AttributeDef... subs) {
        return new AttributeDef(name, Type.COMPLEX, multiValued, description, false, false, Mutability.READ_WRITE,
                Returned.DEFAULT, Uniqueness.NONE, List.of(subs), List.of(), List.of());
    }

    private static AttributeDef canonical(AttributeDef a, String... values) {
        return new AttributeDef(a.name(), a.type(), a.multiValued(), a.description(), a.required(), a.caseExact(),
                a.mutability(), a.returned(), a.uniqueness(), a.subAttributes(), List.of(values), a.referenceTypes());
    }

    private static AttributeDef ref(String name, String description, boolean readOnly, String... types) {
        return new AttributeDef(name, Type.REFERENCE, false, description, false, false,
                readOnly ? Mutability.READ_ONLY : Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE,
                List.of(), List.of(), List.of(types));
    }

    private static AttributeDef readOnly(AttributeDef a) {
        return with(a, a.multiValued(), a.required(), a.caseExact(), Mutability.READ_ONLY, a.returned(), a.uniqueness());
    }

    /** value/display/type/primary, the shape of emails, phoneNumbers, ims, photos, entitlements, roles. */
    private static AttributeDef multi(String name, String description, String... types) {
        return complex(name, true, description,
                str("value", "The value of the " + name + " entry."),
                str("display", "A human-readable name, primarily used for display purposes."),
                canonical(str("type", "A label indicating the attribute's function."), types),
                attr("primary", Type.BOOLEAN, "Whether this is the primary value."));
    }

    public static final ResourceSchema USER = new ResourceSchema(USER_URN, "User", "User Account", List.of(
            with(str("userName", "Unique identifier for the User, used by the user to sign in."),
                    false, true, false, Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.SERVER),
            complex("name", false, "The components of the user's real name.",
                    str("formatted", "The full name, formatted for display."),
                    str("familyName", "The family name of the User."),
                    str("givenName", "The given name of the User."),
                    str("middleName", "The middle name(s) of the User."),
                    str("honorificPrefix", "The honorific prefix(es) of the User."),
                    str("honorificSuffix", "The honorific suffix(es) of the User.")),
            str("displayName", "The name of the User, suitable for display to end-users."),
            str("nickName", "The casual way to address the user."),
            ref("profileUrl", "A URI pointing to the user's online profile.", false, "external"),
            str("title", "The user's title, such as \"Vice President\"."),
            str("userType", "The relationship between the organization and the user."),
            str("preferredLanguage", "The User's preferred written or spoken language."),
            str("locale", "The User's default location for localization."),
            str("timezone", "The User's time zone in IANA Time Zone database format."),
            attr("active", Type.BOOLEAN, "The User's administrative status."),
            with(str("password", "The User's cleartext password."),
                    false, false, false, Mutability.WRITE_ONLY, Returned.NEVER, Uniqueness.NONE),
            multi("emails", "Email addresses for the user.", "work", "home", "other"),
            multi("phoneNumbers", "Phone numbers for the User.", "work", "home", "mobile", "fax", "pager", "other"),
            multi("ims", "Instant messaging addresses for the User.", "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            multi("photos", "URLs of photos of the User.", "photo", "thumbnail"),
            complex("addresses", true, "A physical mailing address for this User.",
                    str("formatted", "The full mailing address, formatted for display."),
                    str("streetAddress", "The full street address component."),
                    str("locality", "The city or locality component."),
                    str("region", "The state or region component."),
                    str("postalCode", "The zip code or postal code component."),
                    str("country", "The country name component."),
                    canonical(str("type", "A label indicating the attribute's function."), "work", "home", "other"),
                    attr("primary", Type.BOOLEAN, "Whether this is the primary address.")),
            readOnly(complex("groups", true, "A list of groups to which the user belongs.",
                    readOnly(str("value", "The identifier of the User's group.")),
                    ref("$ref", "The URI of the corresponding Group resource.", true, "Group"),
                    readOnly(str("display", "A human-readable name of the group.")),
                    readOnly(canonical(str("type", "How the membership is derived."), "direct", "indirect")))),
            multi("entitlements", "A list of entitlements for the User."),
            multi("roles", "A list of roles for the User."),
            multi("x509Certificates", "A list of certificates issued to the User.")));

    public static final ResourceSchema ENTERPRISE_USER = new ResourceSchema(ENTERPRISE_URN, "EnterpriseUser",
            "Enterprise User", List.of(
            str("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
            str("costCenter", "Identifies the name of a cost center."),
            str("organization", "Identifies the name of an organization."),
            str("division", "Identifies the name of a division."),
            str("department", "Identifies the name of a department."),
            // $ref is read-only because the service makes it from value, as it makes each member's $ref of a group:
            // what a client sends (Entra sends its own idea of this service's URL) is not kept.
            complex("manager", false, "The User's manager.",
                    str("value", "The id of the SCIM resource representing the User's manager."),
                    ref("$ref", "The URI of the SCIM resource representing the User's manager.", true, "User"),
                    readOnly(str("displayName", "The displayName of the User's manager.")))));

    public static final ResourceSchema GROUP = new ResourceSchema(GROUP_URN, "Group", "Group", List.of(
            with(str("displayName", "A human-readable name for the Group."),
                    false, true, false, Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.SERVER),
            // Members are users only: Entra provisions only the immediate user members of a group and never sends a
            // group as a member, so nested groups are not offered (README, "The SCIM service").
            complex("members", true, "A list of members of the Group.",
                    with(str("value", "Identifier of the member of this Group."),
                            false, false, false, Mutability.IMMUTABLE, Returned.DEFAULT, Uniqueness.NONE),
                    ref("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.", true,
                            "User"),
                    readOnly(str("display", "A human-readable name of the member.")),
                    with(canonical(str("type", "The type of the member."), "User"),
                            false, false, false, Mutability.IMMUTABLE, Returned.DEFAULT, Uniqueness.NONE))));

    /** Attributes every resource has (RFC 7643 §3.1), outside any schema's attribute list. */
    public static final List<AttributeDef> COMMON = List.of(
            with(str("id", "Unique identifier for the resource, assigned by the service provider."),
                    false, false, true, Mutability.READ_ONLY, Returned.ALWAYS, Uniqueness.SERVER),
            with(str("externalId", "Identifier for the resource as defined by the provisioning client."),
                    false, false, true, Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE),
            readOnly(complex("meta", false, "Resource metadata.",
                    readOnly(str("resourceType", "The name of the resource type.")),
                    readOnly(attr("created", Type.DATE_TIME, "When the resource was added.")),
                    readOnly(attr("lastModified", Type.DATE_TIME, "When the resource was last updated.")),
                    readOnly(ref("location", "The URI of the resource.", true, "uri")),
                    readOnly(with(str("version", "The version (ETag) of the resource."),
                            false, false, true, Mutability.READ_ONLY, Returned.DEFAULT, Uniqueness.NONE)))));

    public static List<ResourceSchema> all() {
        return List.of(USER, GROUP, ENTERPRISE_USER);
    }
}
