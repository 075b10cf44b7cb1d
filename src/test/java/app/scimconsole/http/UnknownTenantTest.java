package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Without a valid token nobody can tell which tenants exist: an existing tenant, a disabled one and an unknown one
 * give the same status, headers that matter and body, with no token and with a wrong one.
 */
class UnknownTenantTest extends ScimServiceTestBase {
    private record Seen(int status, String authenticate, String body) {
    }

    private Seen ask(String tenant, String bearer) {
        HttpJson.Response r = new HttpJson(runtime.server().tenantUrl(tenant), bearer).get("/Users");
        return new Seen(r.status(), r.header("WWW-Authenticate"), r.text());
    }

    @Test
    void existingDisabledAndUnknownTenantsLookTheSameToAnUnauthenticatedClient() {
        Directory.Tenant disabled = directory.createTenant();
        String unknown = UUID.randomUUID().toString();
        for (String bearer : new String[] {null, "not-a-token", token + "x"}) {
            Seen existing = ask(tenantId, bearer);
            assertThat(existing.status()).isEqualTo(401);
            assertThat(ask(disabled.id(), bearer)).as("disabled, bearer %s", bearer).isEqualTo(existing);
            assertThat(ask(unknown, bearer)).as("unknown, bearer %s", bearer).isEqualTo(existing);
        }
        assertThat(ask(tenantId, token).status()).isEqualTo(200);
    }
}
