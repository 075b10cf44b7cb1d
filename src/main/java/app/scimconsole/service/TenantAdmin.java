package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.Tenant;
import app.scimconsole.directory.Directory;
import java.time.Clock;
import java.time.Duration;

/**
 * Turning the SCIM app on and off and issuing its secret tokens. Shared by the CLI, the admin API and the
 * console, so there is one place where a token is made, shown once and stored only as a hash.
 */
public final class TenantAdmin {
    static final String ENABLED = "activity.scimEnabled";
    /** The previous tokens stopped at once; with ".overlap" (args: minutes) they keep working that long. */
    static final String TOKEN_ROTATED = "activity.tokenRotated";
    static final String DISABLED = "activity.scimDisabled";

    private final Directory directory;
    private final Clock clock;
    private final ActivityRecorder activity;

    public TenantAdmin(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.activity = new ActivityRecorder(directory, clock);
    }

    /** What the owner pastes into Entra. The token exists only in this object; it is never stored. */
    public record Credentials(String tenantId, String secretToken) {
        @Override
        public String toString() {
            return "Credentials[tenantId=" + tenantId + ", secretToken=(hidden)]";
        }
    }

    public Tenant tenant() {
        return directory.defaultTenantOrCreate();
    }

    /** Enables SCIM (creating the organization if needed) and issues a new token; older tokens stop working. */
    public Credentials enable() {
        Tenant t = tenant();
        directory.setScimEnabled(t.id(), true);
        Credentials c = issue(t.id(), Duration.ZERO);
        activity.ownerAction(t.id(), "ENABLE", Reason.of(ENABLED));
        return c;
    }

    /**
     * Issues a new token. With a positive {@code overlap}, the old tokens keep working that long, so Entra
     * can be updated without a failed cycle; with zero they stop at once.
     */
    public Credentials rotate(Duration overlap) {
        Tenant t = directory.defaultTenant().filter(Tenant::scimEnabled)
                .orElseThrow(() -> new IllegalStateException("The SCIM app is not enabled. Run 'scim enable' first."));
        Credentials c = issue(t.id(), overlap);
        activity.ownerAction(t.id(), "ROTATE_TOKEN", overlap.isZero() ? Reason.of(TOKEN_ROTATED)
                : Reason.of(TOKEN_ROTATED + ".overlap", overlap.toMinutes()));
        return c;
    }

    /** Every token stops working; users, groups and the log are kept. */
    public void disable() {
        directory.defaultTenant().ifPresent(t -> {
            directory.setScimEnabled(t.id(), false);
            directory.revokeAllTokens(t.id());
            activity.ownerAction(t.id(), "DISABLE", Reason.of(DISABLED));
        });
    }

    private Credentials issue(String tenantId, Duration overlap) {
        String token = SecretTokens.generate();
        directory.addToken(tenantId, SecretTokens.hash(token), clock.instant().plus(overlap));
        return new Credentials(tenantId, token);
    }
}
