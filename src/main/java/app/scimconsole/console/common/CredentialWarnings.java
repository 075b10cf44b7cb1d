package app.scimconsole.console.common;

import app.scimconsole.admin.AdminApi.ClientSecretInfo;
import app.scimconsole.admin.AdminApi.OAuthClientInfo;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi.TokenInfo;
import app.scimconsole.admin.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the owner should hear about the credentials Entra holds, as reasons (the sentences are the bundles'): a
 * credential that stops working within {@link #EXPIRY_WINDOW}, and one that nobody has used since it was created more
 * than {@link #UNUSED_AFTER} ago (Entra calls every 40 minutes, so an unused credential was most likely never pasted
 * into Entra). The Overview and setup step 2 show the same list.
 */
public final class CredentialWarnings {
    /** How long before its expiry a credential is warned about: time to rotate it without a failed cycle. */
    public static final Duration EXPIRY_WINDOW = Duration.ofDays(30);
    /** How long a credential may stay unused after its creation before that is warned about. */
    public static final Duration UNUSED_AFTER = Duration.ofDays(7);

    /** args: when it expires (instant), the whole days left */
    public static final String TOKEN_EXPIRING = "credential.tokenExpiring";
    /** args: when it was created (instant), the whole days since */
    public static final String TOKEN_UNUSED = "credential.tokenUnused";
    /** args: the client identifier, when the secret expires (instant), the whole days left */
    public static final String SECRET_EXPIRING = "credential.secretExpiring";
    /** args: the client identifier, when the secret was created (instant), the whole days since */
    public static final String SECRET_UNUSED = "credential.secretUnused";
    public static final List<String> CODES = List.of(TOKEN_EXPIRING, TOKEN_UNUSED, SECRET_EXPIRING, SECRET_UNUSED);

    private CredentialWarnings() {
    }

    /**
     * The warnings of the overview's live credentials at {@code now}. Only the newest secret token and each client's
     * newest secret are warned about expiring: an older one that stops soon is the end of a rotation, as intended.
     */
    public static List<Reason> of(Overview o, Instant now) {
        List<Reason> out = new ArrayList<>();
        if (o == null || !o.scimEnabled()) {
            return out;
        }
        List<TokenInfo> tokens = o.tokens() == null ? List.of() : o.tokens().stream()
                .sorted(Comparator.comparing(TokenInfo::created).reversed()).toList();
        for (int i = 0; i < tokens.size(); i++) {
            TokenInfo t = tokens.get(i);
            if (i == 0 && expiresSoon(t.expires(), now)) {
                out.add(Reason.of(TOKEN_EXPIRING, t.expires(), daysBetween(now, t.expires())));
            }
            if (unused(t.created(), t.lastUsed(), now)) {
                out.add(Reason.of(TOKEN_UNUSED, t.created(), daysBetween(t.created(), now)));
            }
        }
        for (OAuthClientInfo c : o.oauthClients()) {
            List<ClientSecretInfo> secrets = c.secrets().stream()
                    .sorted(Comparator.comparing(ClientSecretInfo::created).reversed()).toList();
            for (int i = 0; i < secrets.size(); i++) {
                ClientSecretInfo s = secrets.get(i);
                if (i == 0 && expiresSoon(s.expires(), now)) {
                    out.add(Reason.of(SECRET_EXPIRING, c.clientId(), s.expires(), daysBetween(now, s.expires())));
                }
                if (unused(s.created(), s.lastUsed(), now)) {
                    out.add(Reason.of(SECRET_UNUSED, c.clientId(), s.created(), daysBetween(s.created(), now)));
                }
            }
        }
        return out;
    }

    private static boolean expiresSoon(Instant expires, Instant now) {
        return expires != null && expires.isAfter(now) && !expires.isAfter(now.plus(EXPIRY_WINDOW));
    }

    private static boolean unused(Instant created, Instant lastUsed, Instant now) {
        return lastUsed == null && created != null && created.plus(UNUSED_AFTER).isBefore(now);
    }

    private static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }
}
