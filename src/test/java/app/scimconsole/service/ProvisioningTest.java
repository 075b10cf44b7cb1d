package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.testing.Together;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning rules on a real SQLite directory: changes are computed outside the single writer and written
 * only if the resource is still at the version they were computed from, so concurrent changes never lose each
 * other; refusals change nothing and are logged with their reasons.
 */
class ProvisioningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;
    private static final Set<String> VERIFIED = Set.of("example.com");

    @TempDir
    Path dir;

    private SqliteDirectory directory;
    private Provisioning provisioning;
    private String tenant;
    private ScimAccess.Caller caller;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        directory = SqliteDirectory.open(dir);
        tenant = directory.createTenant().id();
        caller = new ScimAccess.Caller(tenant, true, "192.0.2.44");
        provisioning = new Provisioning(directory, (t, domain) -> t.equals(tenant) && VERIFIED.contains(domain),
                new ActivityRecorder(directory, Clock.systemUTC()));
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        directory.close();
    }

    @Test
    void concurrentPatchesOfDifferentAttributesAllLand() throws Exception {
        StoredResource alice = provisioning.create(caller, ResourceType.USER, user("alice@example.com"));
        List<String> attributes = List.of("title", "nickName", "displayName", "profileUrl", "locale", "timezone",
                "preferredLanguage", "userType");

        List<Object> outcomes = runTogether(i -> () -> provisioning.patch(caller, ResourceType.USER, alice.id(), null,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace',"
                        + "'path':'" + attributes.get(i) + "','value':'v" + i + "'}]}")));

        assertThat(outcomes).allMatch(o -> o instanceof StoredResource);
        StoredResource after = directory.get(tenant, ResourceType.USER, alice.id(), false).orElseThrow();
        for (int i = 0; i < THREADS; i++) {
            assertThat(after.doc().path(attributes.get(i)).asText()).as(attributes.get(i)).isEqualTo("v" + i);
        }
        assertThat(after.version()).isEqualTo(1 + THREADS);
    }

    @Test
    void concurrentMemberAddsWithRenamesAllLand() throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            userIds.add(provisioning.create(caller, ResourceType.USER, user("u" + i + "@example.com")).id());
        }
        StoredResource team = provisioning.create(caller, ResourceType.GROUP, json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + "'displayName':'Team'}"));

        List<Object> outcomes = runTogether(i -> () -> provisioning.patch(caller, ResourceType.GROUP, team.id(), null,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'add','path':'members','value':[{'value':'" + userIds.get(i) + "'}]},"
                        + "{'op':'replace','path':'externalId','value':'x" + i + "'}]}")));

        assertThat(outcomes).allMatch(o -> o instanceof StoredResource);
        StoredResource after = directory.get(tenant, ResourceType.GROUP, team.id(), true).orElseThrow();
        assertThat(after.members()).extracting(Member::value).containsExactlyInAnyOrderElementsOf(userIds);
    }

    @Test
    void aChangeForAVersionThatMovedOnIs412AndChangesNothing() {
        StoredResource alice = provisioning.create(caller, ResourceType.USER, user("alice@example.com"));
        provisioning.patch(caller, ResourceType.USER, alice.id(), null, replace("title", "CEO"));

        assertThatThrownBy(() -> provisioning.patch(caller, ResourceType.USER, alice.id(), 1L, replace("title", "CTO")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThat(directory.get(tenant, ResourceType.USER, alice.id(), false).orElseThrow().doc().path("title")
                .asText()).isEqualTo("CEO");
        assertThat(provisioning.patch(caller, ResourceType.USER, alice.id(), 2L, replace("title", "CTO")).version())
                .isEqualTo(3);
    }

    @Test
    void aUserOfAnUnverifiedDomainIsRefusedBeforeAnyWriteAndTheRefusalIsLogged() {
        assertThatThrownBy(() -> provisioning.create(caller, ResourceType.USER, user("bob@contoso.com")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));

        assertThat(directory.query(tenant, ResourceType.USER, new Directory.Query(null, null, false, 1, 0, false))
                .totalResults()).isZero();
        Activity refusal = directory.activity(tenant, 1).get(0);
        assertThat(refusal.outcome()).isEqualTo("rejected");
        assertThat(refusal.operation()).isEqualTo("CREATE");
        assertThat(refusal.userName()).isEqualTo("bob@contoso.com");
        assertThat(refusal.code()).isNotBlank();
        assertThat(refusal.args()).anyMatch(a -> a.contains("contoso.com"));
        assertThat(refusal.clientAddress()).isEqualTo("192.0.2.44");
    }

    @Test
    void aPatchThatMovesAUserToAnUnverifiedDomainChangesNothing() {
        StoredResource alice = provisioning.create(caller, ResourceType.USER, user("alice@example.com"));

        assertThatThrownBy(() -> provisioning.patch(caller, ResourceType.USER, alice.id(), null,
                replace("userName", "alice@contoso.com")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(directory.get(tenant, ResourceType.USER, alice.id(), false)).contains(alice);
    }

    @Test
    void eachWriteIsLoggedWithWhatItChanged() {
        StoredResource alice = provisioning.create(caller, ResourceType.USER, user("alice@example.com"));
        provisioning.patch(caller, ResourceType.USER, alice.id(), null, replace("active", false));
        provisioning.patch(caller, ResourceType.USER, alice.id(), null, replace("title", "CEO"));
        StoredResource noMail = provisioning.create(caller, ResourceType.USER, user("carol"));
        provisioning.delete(caller, ResourceType.USER, noMail.id(), null);

        List<Activity> log = directory.activity(tenant, 10);
        assertThat(log).extracting(Activity::code).containsExactly("activity.deleted", "activity.created.noSignIn",
                "activity.changed", "activity.suspended", "activity.created");
        assertThat(log.get(2).args()).containsExactly("title");
        assertThat(log.get(0).userName()).isEqualTo("carol");
        assertThat(log).extracting(Activity::clientAddress).containsOnly("192.0.2.44");
    }

    @Test
    void aChangeAnswersWithTheMembershipsWhetherItWroteOrNot() {
        StoredResource alice = provisioning.create(caller, ResourceType.USER, user("alice@example.com"));
        StoredResource team = provisioning.create(caller, ResourceType.GROUP, json("{'schemas':"
                + "['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Team','members':[{'value':'"
                + alice.id() + "'}]}"));

        StoredResource changed = provisioning.patch(caller, ResourceType.USER, alice.id(), null, replace("title", "CEO"));
        assertThat(changed).isEqualTo(directory.get(tenant, ResourceType.USER, alice.id(), false).orElseThrow());
        assertThat(changed.groups()).extracting(Directory.GroupRef::value).containsExactly(team.id());
        // the same PATCH again writes nothing; its answer is still the whole user, its groups included
        StoredResource unchanged = provisioning.patch(caller, ResourceType.USER, alice.id(), null,
                replace("title", "CEO"));
        assertThat(unchanged).isEqualTo(changed);
        assertThat(unchanged.version()).isEqualTo(2);

        // a group's PUT that changes nothing answers with its members, as one that changes it does
        JsonNode sameTeam = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Team'}");
        StoredResource put = provisioning.replace(caller, ResourceType.GROUP, team.id(), null, sameTeam);
        assertThat(put).isEqualTo(directory.get(tenant, ResourceType.GROUP, team.id(), true).orElseThrow());
        assertThat(put.members()).extracting(Member::value).containsExactly(alice.id());
        assertThat(put.version()).isEqualTo(team.version());
    }

    @Test
    void aTakenUserNameIs409WithTheName() {
        provisioning.create(caller, ResourceType.USER, user("alice@example.com"));

        assertThatThrownBy(() -> provisioning.create(caller, ResourceType.USER, user("ALICE@example.com")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("ALICE@example.com");
                });
    }

    private static JsonNode replace(String path, Object value) {
        String v = value instanceof String ? "'" + value + "'" : value.toString();
        return json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace',"
                + "'path':'" + path + "','value':" + v + "}]}");
    }

    private static JsonNode user(String userName) {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "'}");
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Object> runTogether(IntFunction<Callable<Object>> task) throws Exception {
        return Together.run(pool, THREADS, task);
    }
}
