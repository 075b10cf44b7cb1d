package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.group;
import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.Together;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many request threads at once, as the HTTP server will call the directory. */
class SqliteConcurrencyTest extends OneTenantDirectoryTest {
    private static final int THREADS = 8;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    /** Before the directory closes (a superclass's {@code @AfterEach} runs after this one). */
    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onlyOneOfManyCreatesOfTheSameUserNameWins() throws Exception {
        List<Object> outcomes = runTogether(i -> () -> {
            try {
                return directory.create(tenant, ResourceType.USER, user(i % 2 == 0 ? "dup@x.com" : "DUP@x.com"),
                        List.of());
            } catch (StorageOutcome e) {
                return e.kind();
            }
        });

        assertThat(outcomes).filteredOn(o -> o instanceof StoredResource).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == StorageOutcome.Kind.DUPLICATE).hasSize(THREADS - 1);
    }

    @Test
    void concurrentMemberAddsToOneGroupAreAllKept() throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            userIds.add(directory.create(tenant, ResourceType.USER, user("u" + i), List.of()).id());
        }
        StoredResource team = directory.create(tenant, ResourceType.GROUP, group("Team"), List.of());

        // Membership changes do not depend on what was read, so all of them land, each moving the version once.
        List<Object> outcomes = runTogether(i -> () -> directory.update(tenant, ResourceType.GROUP, team.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.ADD, List.of(userIds.get(i)))), false),
                null));

        assertThat(outcomes).allMatch(o -> o instanceof StoredResource);
        StoredResource after = directory.get(tenant, ResourceType.GROUP, team.id(), true).orElseThrow();
        assertThat(after.members()).extracting(Member::value).containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(after.version()).isEqualTo(1 + THREADS);
    }

    @Test
    void ofManyDocumentWritesFromOneVersionExactlyOneLands() throws Exception {
        StoredResource team = directory.create(tenant, ResourceType.GROUP, group("Team"), List.of());

        List<Object> outcomes = runTogether(i -> () -> {
            try {
                return directory.update(tenant, ResourceType.GROUP, team.id(),
                        new Update(1, group("Team").put("externalId", "e" + i), List.of(), false), null);
            } catch (StorageOutcome e) {
                return e.kind();
            }
        });

        assertThat(outcomes).filteredOn(o -> o instanceof StoredResource).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == StorageOutcome.Kind.VERSION_CONFLICT).hasSize(THREADS - 1);
        assertThat(directory.get(tenant, ResourceType.GROUP, team.id(), false).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void manyFirstReadsAtOnceMakeOneTenant() throws Exception {
        try (SqliteDirectory fresh = SqliteDirectory.open(dir.resolve("fresh"))) {
            List<Object> tenants = runTogether(i -> fresh::defaultTenantOrCreate);

            assertThat(tenants).extracting(t -> ((Directory.Tenant) t).id()).containsOnly(
                    fresh.defaultTenant().orElseThrow().id());
        }
    }

    @Test
    void readsRunWhileWritesAreGoingOn() throws Exception {
        List<Object> outcomes = runTogether(i -> () -> i % 2 == 0
                ? directory.create(tenant, ResourceType.USER, user("w" + i), List.of())
                : directory.query(tenant, ResourceType.USER, new Directory.Query(null, null, false, 1, 10, false)));
        assertThat(outcomes).hasSize(THREADS).doesNotContainNull();
    }

    private List<Object> runTogether(java.util.function.IntFunction<Callable<Object>> task) throws Exception {
        return Together.run(pool, THREADS, task);
    }
}
