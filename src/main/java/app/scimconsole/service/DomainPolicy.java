package app.scimconsole.service;

import app.scimconsole.domains.DomainName;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that makes provisioning safe: a user is accepted only when every sign-in identity it carries
 * (its userName when that is an e-mail address, and its primary -- else work -- e-mail) is in a domain the
 * tenant has verified. Otherwise nothing changes and the client is told which domain and what to do. An identity
 * that contains "@" but is no e-mail address is refused too: which domain it is in cannot be told for certain.
 */
final class DomainPolicy {
    private final VerifiedDomains verified;

    DomainPolicy(VerifiedDomains verified) {
        this.verified = verified;
    }

    /**
     * Throws 400 invalidValue naming the first unverified domain (the domain is the refusal's argument), or the
     * first identity that is no address. {@code kept}: values stored before the address rule, which pass it
     * until they change (the domain rule applies to every write).
     */
    void check(String tenantId, ObjectNode user, Set<String> kept) {
        for (Identity identity : identities(user)) {
            Optional<EmailAddress> address = EmailAddress.parse(identity.value());
            if (address.isEmpty()) {
                if (kept.contains(identity.value())) {
                    continue;
                }
                throw new ScimException(ScimProblem.NOT_AN_EMAIL_ADDRESS, identity.attribute(), identity.value());
            }
            DomainName domain = address.get().domain();
            if (!verified.isVerified(tenantId, domain.ascii())) {
                throw new ScimException(ScimProblem.DOMAIN_NOT_VERIFIED, domain.unicode());
            }
        }
    }

    /** The domains of the user's sign-in identities; empty: the user cannot sign in. */
    public static Set<String> identityDomains(ObjectNode user) {
        Set<String> domains = new LinkedHashSet<>();
        for (Identity identity : identities(user)) {
            EmailAddress.parse(identity.value()).ifPresent(a -> domains.add(a.domain().ascii()));
        }
        return domains;
    }

    /** A sign-in identity: the attribute it is in, and its value, which contains "@". */
    private record Identity(String attribute, String value) {
    }

    private static List<Identity> identities(ObjectNode user) {
        List<Identity> identities = new ArrayList<>(2);
        String userName = user.path("userName").asText("");
        if (userName.indexOf('@') >= 0) {
            identities.add(new Identity("userName", userName));
        }
        String email = signInEmail(user);
        if (email != null && email.indexOf('@') >= 0) {
            identities.add(new Identity("emails.value", email));
        }
        return identities;
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
}
