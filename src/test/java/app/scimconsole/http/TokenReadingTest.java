package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.Authenticator;
import app.scimconsole.service.TenantAdmin;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Authentication keeps what it read of a tenant's tokens for a moment. Changes made here take effect at once;
 * changes made by another process on the same database (here a second directory on the same file, as the CLI
 * opens it while the service runs) take effect at once for a new token or an app enabled again, and within a second
 * for a revocation.
 */
class TokenReadingTest extends ScimServiceTestBase {

    /** The same database as the service's, through a connection of its own (another process). */
    SqlDirectory elsewhere() {
        return SqliteDirectory.open(data);
    }

    @Test
    void changesMadeHereTakeEffectOnTheNextRequest() {
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        TenantAdmin admin = new TenantAdmin(directory, Clock.systemUTC());
        String fresh = admin.rotate(Duration.ZERO).secretToken();
        assertThat(scim.get("/Users").status()).isEqualTo(401);
        assertThat(new HttpJson(tenantUrl, fresh).get("/Users").status()).isEqualTo(200);
        admin.disable();
        assertThat(new HttpJson(tenantUrl, fresh).get("/Users").status()).isEqualTo(401);
    }

    @Test
    void aTokenIssuedElsewhereWorksAtOnceAndOneRevokedElsewhereStopsWithinASecond() throws Exception {
        assertThat(scim.get("/Users").status()).isEqualTo(200); // the service has read the tenant's tokens
        String issuedElsewhere;
        try (SqlDirectory other = elsewhere()) {
            issuedElsewhere = new TenantAdmin(other, Clock.systemUTC()).rotate(Duration.ZERO).secretToken();
        }
        HttpJson withNew = new HttpJson(tenantUrl, issuedElsewhere);
        assertThat(withNew.get("/Users").status()).isEqualTo(200);
        assertThat(withNew.get("/Users").status()).isEqualTo(200); // its first use is recorded; now it is read and kept

        try (SqlDirectory other = elsewhere()) {
            new TenantAdmin(other, Clock.systemUTC()).disable();
        }
        long revokedAt = System.nanoTime();
        int status;
        do {
            status = withNew.get("/Users").status();
        } while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos());
        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                .isLessThanOrEqualTo(Authenticator.REREAD_AFTER.plusSeconds(1)); // a second of slack for a busy machine
    }

    /**
     * Issue 17: the service read the app as disabled (and keeps that reading for a second); an enable elsewhere
     * must still work on the very next request, because nothing is refused on a kept reading alone.
     */
    @Test
    void anAppEnabledElsewhereWorksAtOnceRightAfterARefusal() throws Exception {
        try (SqlDirectory other = elsewhere()) { // opened first: the steps below take a moment, not a second
            new TenantAdmin(directory, Clock.systemUTC()).disable();
            assertThat(scim.get("/Users").status()).isEqualTo(401); // read just now: disabled, and kept
            TenantAdmin.Credentials again = new TenantAdmin(other, Clock.systemUTC()).enable();
            assertThat(again.tenantId()).isEqualTo(tenantId);
            assertThat(new HttpJson(tenantUrl, again.secretToken()).get("/Users").status()).isEqualTo(200);
        }
    }
}
