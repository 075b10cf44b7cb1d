package app.scimconsole.service;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
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

    /** Throws 400 invalidValue naming the first unverified domain (the domain is the refusal's argument). */
    void check(String tenantId, ObjectNode user) {
        for (String domain : identityDomains(user)) {
            if (!verified.isVerified(tenantId, domain)) {
                throw new ScimException(ScimProblem.DOMAIN_NOT_VERIFIED, domain);
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
