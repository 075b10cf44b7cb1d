package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A domain verified a moment ago is honoured by the very next SCIM request: no stale read in between. */
class VerifiedThenProvisionedTest extends ScimServiceTestBase {

    @Test
    void theNextCreateAfterAVerificationIsAccepted() {
        for (int i = 0; i < 40; i++) {
            String domain = "d" + i + ".example";
            dns.zone(domain, 1, 300, 60);
            verify(domain);
            HttpJson.Response r = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"u@" + domain + "\"}");
            assertThat(r.status()).as("round %d: %s", i, r.text()).isEqualTo(201);
        }
    }
}
