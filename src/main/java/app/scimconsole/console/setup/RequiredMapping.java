package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import java.util.function.ToLongFunction;

/** The five attribute mappings the service needs from Entra, and how to count the users that carry each. */
public enum RequiredMapping {
    USER_NAME("userPrincipalName", "userName", MappingCoverage::userName),
    DISPLAY_NAME("displayName", "displayName", MappingCoverage::displayName),
    TITLE("jobTitle", "title", MappingCoverage::title),
    WORK_EMAIL("mail", "emails[type eq \"work\"].value", MappingCoverage::workEmail),
    DEPARTMENT("department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            MappingCoverage::department);

    private final String entraAttribute;
    private final String scimAttribute;
    private final ToLongFunction<MappingCoverage> count;

    RequiredMapping(String entraAttribute, String scimAttribute, ToLongFunction<MappingCoverage> count) {
        this.entraAttribute = entraAttribute;
        this.scimAttribute = scimAttribute;
        this.count = count;
    }

    public String entraAttribute() {
        return entraAttribute;
    }

    public String scimAttribute() {
        return scimAttribute;
    }

    public long count(MappingCoverage c) {
        return count.applyAsLong(c);
    }
}
