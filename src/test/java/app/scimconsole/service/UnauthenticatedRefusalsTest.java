package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sign-in refused on an existing tenant and one on a tenant id that names none (the SCIM endpoint's and the token
 * endpoint's), through the real access rules on a real SQLite file: the same answer, the same hand-off to the log of
 * refusals, and only the existing tenant's is written; the unknown one creates nothing.
 */
class UnauthenticatedRefusalsTest {
    private static final String CLIENT = "192.0.2.7";

    @TempDir
    Path dir;

    private SqliteDirectory directory;
    private RefusalLog refusals;
    private ScimAccess access;
    private TokenIssuer tokenIssuer;
    private String tenant;
    private final String unknown = UUID.randomUUID().toString();

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        directory = SqliteDirectory.open(dir);
        tenant = new TenantAdmin(directory, clock).enable().tenantId();
        ActivityRecorder activity = new ActivityRecorder(directory, clock);
        refusals = new RefusalLog(activity);
        AccessTokens accessTokens = new AccessTokens(directory.oauth(), clock);
        access = new ScimAccess(directory, accessTokens, new ConsoleTestTags(clock), new TrafficTracker(), activity,
                refusals, clock);
        tokenIssuer = new TokenIssuer(directory, directory.oauth(), directory.federation(),
                new FederatedAssertions(new KeySets(new KeySetAddress(false), clock), directory.federation(), clock),
                accessTokens, refusals, clock);
    }

    @AfterEach
    void close() {
        refusals.close();
        directory.close();
    }

    @Test
    void aWrongTokenIsLoggedOnItsTenantAndOnAnUnknownTenantIsHandedOffAndDiscarded() {
        String wrong = "Bearer " + SecretTokens.generate();
        ScimException existing = refusal(tenant, wrong);
        ScimException nobody = refusal(unknown, wrong);
        refusals.close(); // writes what is queued

        assertThat(existing.status()).isEqualTo(401);
        assertThat(ErrorResponses.of(nobody)).isEqualTo(ErrorResponses.of(existing));
        assertThat(refusals.discarded()).as("the unknown tenant's reached the writer").isEqualTo(1);
        assertThat(directory.activity(null, 100)).filteredOn(a -> a.operation().equals("AUTHENTICATE"))
                .singleElement().satisfies(a -> {
                    assertThat(a.tenantId()).isEqualTo(tenant);
                    assertThat(a.code()).isEqualTo(ScimAccess.WRONG_TOKEN);
                    assertThat(a.clientAddress()).isEqualTo(CLIENT);
                });
        assertThat(directory.tenant(unknown)).isEmpty();
        assertThat(directory.activity(unknown, 100)).isEmpty();
    }

    @Test
    void noTokenIsLoggedForNeitherTenant() {
        ScimException existing = refusal(tenant, null);
        ScimException nobody = refusal(unknown, null);
        refusals.close();

        assertThat(ErrorResponses.of(nobody)).isEqualTo(ErrorResponses.of(existing));
        assertThat(refusals.discarded()).isZero();
        assertThat(directory.activity(null, 100)).noneMatch(a -> a.operation().equals("AUTHENTICATE"));
    }

    @Test
    void anUnknownClientAtTheTokenEndpointIsLoggedOnAnExistingTenantOnlyAndTheOtherIsDiscarded() {
        TokenRequest request = new TokenRequest(TokenIssuer.GRANT, "scim-nobody", SecretTokens.generate(), false);
        OAuthError existing = catchThrowableOfType(OAuthError.class, () -> tokenIssuer.issue(tenant, request, CLIENT));
        OAuthError nobody = catchThrowableOfType(OAuthError.class, () -> tokenIssuer.issue(unknown, request, CLIENT));
        refusals.close();

        assertThat(nobody.code()).isEqualTo(existing.code()).isEqualTo(OAuthError.Code.INVALID_CLIENT);
        assertThat(nobody.description()).isEqualTo(existing.description());
        assertThat(refusals.discarded()).isEqualTo(1);
        assertThat(directory.activity(null, 100)).filteredOn(a -> a.operation().equals("TOKEN"))
                .extracting(Directory.Activity::tenantId, Directory.Activity::code)
                .containsExactly(tuple(tenant, TokenIssuer.UNKNOWN_CLIENT));
        assertThat(directory.tenant(unknown)).isEmpty();
    }

    private ScimException refusal(String tenantId, String authorization) {
        return catchThrowableOfType(ScimException.class,
                () -> access.admit(tenantId, CLIENT, authorization, null, "GET Users", "User"));
    }
}
