package app.scimconsole.bench;

/** The request bodies Entra sends, as the benchmarks send them (ServiceBenchmark, and wrk through PeerComparison). */
final class EntraShapes {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private EntraShapes() {
    }

    /** A create with the enterprise extension, as Entra's default attribute mappings send it. */
    static String createBody(String userName, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],\"externalId\":\""
                + externalId + "\",\"userName\":\"" + userName + "\",\"active\":true,\"displayName\":\"Bench User\","
                + "\"title\":\"Engineer\",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User\"},\"" + ENTERPRISE
                + "\":{\"department\":\"R&D\",\"employeeNumber\":\"42\"}}";
    }

    /** Entra's replace shapes: a path per attribute, and booleans sent as the strings "True" / "False". */
    static String patchBody(String title, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"title\",\"value\":\"" + title + "\"},{\"op\":\"Replace\",\"path\":\"active\",\"value\":\""
                + (active ? "True" : "False") + "\"}]}";
    }
}
