package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that makes provisioning safe: a user is accepted only when every sign-in identity it carries
 * (its userName when that is an e-mail address, and its primary -- else work -- e-mail) is in a domain the
 * tenant has verified. Otherwise nothing changes and the client is told which domain and what to do.
 */
final class DomainPolicy {
    private final VerifiedDomains verified;

    DomainPolicy(VerifiedDomains verified) {
        this.verified = verified;
    }

    /** args: the domain */
    static final String DOMAIN_NOT_VERIFIED = "activity.domainNotVerified";

    /**
     * Throws 400 invalidValue naming the first unverified domain; {@code attempt} learns the refusal's reason with
     * the domain as data, for the log and for the owner's warnings.
     */
    void check(String tenantId, ObjectNode user, Provisioning.Attempt attempt) {
        for (String domain : identityDomains(user)) {
            if (!verified.isVerified(tenantId, domain)) {
                attempt.because(Reason.of(DOMAIN_NOT_VERIFIED, domain));
                throw ScimException.invalidValue("The e-mail domain '" + domain + "' is not verified for this "
                        + "organization, so this user was not accepted. Register '" + domain + "' in SCIM Console "
                        + "(Domains) and publish its DNS TXT record; Entra's next cycle will then provision the user.");
            }
        }
    }

    public static Set<String> identityDomains(ObjectNode user) {
        Set<String> domains = new LinkedHashSet<>();
        addDomain(domains, user.path("userName").asText(""));
        addDomain(domains, signInEmail(user));
        return domains;
    }

    /** The primary e-mail, else the work e-mail, else null. */
    public static String signInEmail(ObjectNode user) {
        String work = null;
        for (JsonNode e : user.path("emails")) {
            String value = e.path("value").asText("");
            if (value.isEmpty()) {
                continue;
            }
            if (e.path("primary").asBoolean(false)) {
                return value;
            }
            if (work == null && "work".equalsIgnoreCase(e.path("type").asText(""))) {
                work = value;
            }
        }
        return work;
    }

    private static void addDomain(Set<String> into, String address) {
        if (address == null) {
            return;
        }
        int at = address.lastIndexOf('@');
        if (at > 0 && at < address.length() - 1) {
            String domain = address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            into.add(domain);
        }
    }
}
