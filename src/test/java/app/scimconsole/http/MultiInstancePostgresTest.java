package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import app.scimconsole.testing.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database, as behind a load balancer: concurrent requests for one
 * tenant, alternating between the instances and released together, must keep every rule. Exactly one of
 * several identical creates wins (the others 409), member adds to one group never lose each other, and of
 * several PATCHes made from the same ETag exactly one succeeds (the others 412).
 */
class MultiInstancePostgresTest {
    private static final int CLIENTS = 12;

    @TempDir
    Path data;

    private TestDnsServer dns;
    private ServeProcess a;
    private ServeProcess b;
    private final List<HttpJson> instances = new ArrayList<>();
    private ExecutorService pool;

    @BeforeEach
    void startTwoInstances() throws IOException {
        dns = TestDnsServer.start();
        dns.zone("testuser.com", 1, 300, 60);
        InetSocketAddress d = dns.address();
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        // Set up as the CLI would (scim enable, domain add/verify), then two serve processes on the same database.
        TenantAdmin.Credentials tenant;
        try (PostgresDirectory setup = PostgresDirectory.open(db)) {
            tenant = new TenantAdmin(setup, Clock.systemUTC()).enable();
            DomainService domains = ServiceCore.domainService(setup, d.getHostString() + ":" + d.getPort(), Clock.systemUTC());
            Challenge c = domains.add(tenant.tenantId(), "testuser.com").challenge();
            dns.txt(c.recordName(), c.recordValue());
            assertThat(domains.verify(tenant.tenantId(), "testuser.com").result().isVerified()).isTrue();
        }
        Map<String, String> env = Map.of("SCIM_DB_USER", db.user());
        String[] args = {"--db", db.url(), "--rate-limit", "1000000", "--rate-burst", "1000000"};
        a = ServeProcess.start(data.resolve("a"), List.of(), env, args);
        b = ServeProcess.start(data.resolve("b"), List.of(), env, args);
        instances.add(new HttpJson(a.tenantUrl(), tenant.secretToken()));
        instances.add(new HttpJson(b.tenantUrl(), tenant.secretToken()));
        pool = Executors.newFixedThreadPool(2 * CLIENTS); // bursts of up to 2 * CLIENTS requests
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : new AutoCloseable[] {a, b, dns}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** Instance of request {@code i}: they alternate, so half of every burst goes to each. */
    private HttpJson via(int i) {
        return instances.get(i % 2);
    }

    /** Runs {@code request(i)} for i in 0..n-1 on n threads released at the same moment; the statuses in order. */
    private List<HttpJson.Response> burst(int n, IntFunction<HttpJson.Response> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<HttpJson.Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<HttpJson.Response> call = () -> {
                start.await(10, TimeUnit.SECONDS);
                return request.apply(index);
            };
            futures.add(pool.submit(call));
        }
        List<HttpJson.Response> out = new ArrayList<>();
        for (Future<HttpJson.Response> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private static long count(List<HttpJson.Response> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    @Test
    void duplicateCreatesOnBothInstancesMakeExactlyOneUserAndOneGroup() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = "dup" + round + "@testuser.com";
            // The same userName in different letter cases: one user, case-insensitively unique.
            List<HttpJson.Response> users = burst(CLIENTS, i -> via(i).post("/Users",
                    HttpJson.USER_JSON + "\"userName\":\"" + (i % 3 == 0 ? name.toUpperCase(java.util.Locale.ROOT) : name) + "\"}"));
            assertThat(count(users, 201)).as("creates of %s: %s", name, users).isEqualTo(1);
            assertThat(count(users, 409)).isEqualTo(CLIENTS - 1);
            users.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.json().path("scimType").asText()).isEqualTo("uniqueness"));

            String team = "Team " + round;
            List<HttpJson.Response> groups = burst(CLIENTS, i -> via(i).post("/Groups",
                    HttpJson.GROUP_JSON + "\"displayName\":\"" + team + "\"}"));
            assertThat(count(groups, 201)).as("group creates: %s", groups).isEqualTo(1);
            assertThat(count(groups, 409)).isEqualTo(CLIENTS - 1);
        }
        assertThat(via(1).get("/Users?count=0").json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(via(0).get("/Groups?count=0").json().path("totalResults").asInt()).isEqualTo(3);
    }

    @Test
    void concurrentMemberAddsOnBothInstancesAllLand() throws Exception {
        String group = via(0).post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Everyone\"}").json().path("id").asText();
        int members = 2 * CLIENTS;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            HttpJson.Response r = via(i).post("/Users", HttpJson.USER_JSON + "\"userName\":\"m" + i + "@testuser.com\"}");
            assertThat(r.status()).isEqualTo(201);
            users.add(r.json().path("id").asText());
        }
        // Entra adds members one PATCH at a time; here every one at once, spread over both instances.
        List<HttpJson.Response> adds = burst(members, i -> via(i).patch("/Groups/" + group,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                        + "\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(i) + "\"}]}]}"));
        adds.forEach(r -> assertThat(r.status()).as(r.text()).isIn(200, 204));

        HttpJson.Response read = via(1).get("/Groups/" + group);
        List<String> stored = new ArrayList<>();
        read.json().path("members").forEach(m -> stored.add(m.path("value").asText()));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(users);
        // Every add was one change: the version counted each of them.
        assertThat(read.header("ETag")).isEqualTo("W/\"" + (members + 1) + "\"");
    }

    @Test
    void ofConflictingPatchesFromOneETagExactlyOneWinsAndTheOthersGet412() throws Exception {
        HttpJson.Response created = via(0).post("/Users", HttpJson.USER_JSON + "\"userName\":\"pat@testuser.com\",\"title\":\"start\"}");
        String id = created.json().path("id").asText();
        for (int round = 0; round < 3; round++) {
            String etag = via(round).get("/Users/" + id).header("ETag");
            int r = round;
            List<HttpJson.Response> patches = burst(CLIENTS, i -> via(i).send("PATCH", "/Users/" + id,
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\","
                            + "\"path\":\"title\",\"value\":\"round " + r + " by " + i + "\"}]}", "If-Match", etag));
            assertThat(count(patches, 200)).as("patches: %s", patches).isEqualTo(1);
            assertThat(count(patches, 412)).isEqualTo(CLIENTS - 1);
            String winner = patches.stream().filter(p -> p.status() == 200).findFirst().orElseThrow()
                    .json().path("title").asText();
            HttpJson.Response now = via(round + 1).get("/Users/" + id);
            assertThat(now.json().path("title").asText()).isEqualTo(winner);
            assertThat(now.header("ETag")).isNotEqualTo(etag);
        }
    }

    @Test
    void bothInstancesAnswerTheHealthCheck() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (ServeProcess instance : List.of(a, b)) {
            URI tenantUrl = URI.create(instance.tenantUrl());
            URI health = URI.create("http://127.0.0.1:" + tenantUrl.getPort() + "/healthz");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok\n");
        }
    }
}
