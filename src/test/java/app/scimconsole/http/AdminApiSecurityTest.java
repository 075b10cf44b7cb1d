package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's admin API: loopback by default, credential required, and closed to web pages. */
class AdminApiSecurityTest extends ScimServiceTestBase {
    @Test
    void listensOnLoopbackByDefault() {
        assertThat(runtime.adminUrl()).startsWith("http://127.0.0.1:");
        assertThat(AdminServer.DEFAULT_BIND).isEqualTo("127.0.0.1");
    }

    @Test
    void everyRequestNeedsTheCredential() {
        HttpJson none = new HttpJson(runtime.adminUrl(), null);
        HttpJson.Response missing = none.get("/overview");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.send("GET", "/overview", null, "Authorization", "Basic " + runtime.adminCredential()).status())
                .isEqualTo(401);
        assertThat(new HttpJson(runtime.adminUrl(), token).get("/overview").status())
                .as("the SCIM token is not an admin credential").isEqualTo(401);
        assertThat(new HttpJson(runtime.adminUrl(), "x").post("/scim/rotate-token", "{}").status()).isEqualTo(401);
        assertThat(scim.get("/Users").status()).as("nothing was rotated").isEqualTo(200);
    }

    @Test
    void wrongCredentialsFromOneAddressAreSlowedDown() throws Exception {
        HttpJson guesser = new HttpJson(runtime.adminUrl(), "guess");
        for (int i = 0; i < 10; i++) { // a few mistakes are only refused
            assertThat(guesser.get("/overview").status()).isEqualTo(401);
        }
        HttpJson.Response slowed = guesser.get("/overview");
        assertThat(slowed.status()).isEqualTo(429);
        long wait = Long.parseLong(slowed.header("Retry-After"));
        assertThat(wait).isPositive();
        assertThat(slowed.json().path("code").asText()).isEqualTo("admin.tooManyWrongCredentials");
        HttpJson admin = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        assertThat(admin.get("/overview").status()).as("meanwhile nothing from that address is even checked")
                .isEqualTo(429);
        Thread.sleep(wait * 1000);
        assertThat(admin.get("/overview").status()).isEqualTo(200);
        assertThat(guesser.get("/overview").status()).isEqualTo(401);
        assertThat(guesser.get("/overview").status()).as("one guess every two seconds").isEqualTo(429);
    }

    @Test
    void requestsMadeByWebPagesAreRefusedEvenWithTheCredential() {
        HttpJson admin = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        assertThat(admin.send("POST", "/scim/rotate-token", "{}", "Origin", "http://127.0.0.1:8089").status()).isEqualTo(403);
        assertThat(admin.send("POST", "/scim/disable", "{}", "Origin", "null").status()).isEqualTo(403);
        assertThat(admin.send("GET", "/users", null, "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
        assertThat(scim.get("/Users").status()).as("the token still works: nothing was changed").isEqualTo(200);
        assertThat(admin.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void theEmbeddedConsolesCredentialIsNeverWrittenToDisk() throws Exception {
        String credential = runtime.adminCredential();
        assertThat(new HttpJson(runtime.adminUrl(), credential).get("/overview").status()).isEqualTo(200);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(credential);
            }
        }
    }
}
