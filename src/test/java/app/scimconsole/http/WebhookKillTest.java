package app.scimconsole.http;

import static app.scimconsole.http.KilledDelivery.delete;
import static app.scimconsole.http.KilledDelivery.group;
import static app.scimconsole.http.KilledDelivery.patch;
import static app.scimconsole.http.KilledDelivery.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.EventReaders;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.service.WebhookDelivery;
import app.scimconsole.service.Webhooks;
import app.scimconsole.testing.ServeProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on SQLite killed with SIGKILL twice between a write's commit and its webhook's acknowledgement, then
 * restarted on the same data folder: once while a delivery is in flight (the receiver has not answered), once after
 * the receiver answered 2xx but before the service could record it. Every committed event still arrives, exactly as
 * the pull feed tells it, in order; the only duplicates are the two events in flight at the kills. Each restart
 * delivers at once, although the killed process's lease would still be valid for a day.
 */
@Timeout(600)
class WebhookKillTest {
    /** A process the kill ended reports 128 + SIGKILL's number. */
    private static final int KILLED = 128 + 9;

    @TempDir
    Path data;

    @Test
    void everyCommittedEventArrivesAsCommittedAcrossKillsMidDeliveryAndBeforeTheAck() throws Exception {
        String tenantId;
        String token;
        String reader;
        Webhooks.Added endpoint;
        try (GatedWebhookReceiver receiver = new GatedWebhookReceiver()) {
            try (SqliteDirectory directory = SqliteDirectory.open(data);
                    ServiceCore core = new ServiceCore(directory, null, Clock.systemUTC(), new KeySetAddress(true))) {
                TenantAdmin.Credentials tenant = new TenantAdmin(directory, Clock.systemUTC()).enable();
                tenantId = tenant.tenantId();
                token = tenant.secretToken();
                endpoint = core.webhooks().add(tenantId, receiver.url("/hook"), null);
                reader = new EventReaders(directory).issue(tenantId, "kill test").credential();
            }
            int port = KilledDelivery.freePort();
            // The killed process's lease on the endpoint outlives it by a day; the restarted one, alone on the data
            // folder (it holds the folder's delivery lock), takes it over at once: the deliveries awaited below
            // could not happen before the day is over otherwise.
            Map<String, String> env = Map.of("SCIM_CONSOLE_DEV_LOOPBACK_HTTP", "1", WebhookDelivery.LEASE_ENV, "86400");
            HttpJson scim = KilledDelivery.scim(port, tenantId, token);

            // Life 1: writes of every kind; event 4 is held at the receiver, and the kill lands while it is in flight.
            GatedWebhookReceiver.Gate midDelivery = receiver.hold(4);
            String ann;
            String ben;
            String team;
            try (ServeProcess serve = ServeProcess.start(data, List.of(), env, KilledDelivery.serveArgs(port))) {
                ann = user(scim, "ann");
                ben = user(scim, "ben");
                String cid = user(scim, "cid");
                team = group(scim, "Team", ann);
                patch(scim, "Users/" + ben, "replace", "title", "\"Engineer\"");
                patch(scim, "Groups/" + team, "add", "members", "[{\"value\":\"" + ben + "\"}]");
                assertThat(midDelivery.awaitArrival().id()).isEqualTo(4);
                patch(scim, "Groups/" + team, "remove", "members[value eq \\\"" + ann + "\\\"]", null);
                delete(scim, "Users/" + cid);
                assertThat(serve.kill()).as("killed by SIGKILL, not stopped").isEqualTo(KILLED);
            }
            midDelivery.open(); // its sender is dead: the answer goes nowhere
            assertThat(receiver.ids()).as("up to the event in flight, once each").containsExactly(1L, 2L, 3L, 4L);

            // Life 2: the next write's event is answered 2xx while the test holds SQLite's write lock, so the service
            // cannot record the acknowledgement before it is killed.
            long answeredNotRecorded;
            try (ServeProcess serve = ServeProcess.start(data, List.of(), env, KilledDelivery.serveArgs(port))) {
                answeredNotRecorded = KilledDelivery.lastId(port, tenantId, reader) + 2;
                GatedWebhookReceiver.Gate beforeAck = receiver.hold(answeredNotRecorded);
                patch(scim, "Users/" + ann, "replace", "active", "false");
                patch(scim, "Users/" + ann, "replace", "active", "true");
                String dee = user(scim, "dee");
                assertThat(beforeAck.awaitArrival().id()).isEqualTo(answeredNotRecorded);
                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:"
                        + data.resolve(SqliteDirectory.FILE_NAME).toAbsolutePath()); Statement s = lock.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 60000");
                    s.execute("BEGIN IMMEDIATE");
                    beforeAck.answerAndAwait();
                    assertThat(serve.kill()).as("killed by SIGKILL, not stopped").isEqualTo(KILLED);
                    s.execute("ROLLBACK");
                }
                assertThat(dee).isNotEmpty();
            }

            // Life 3: more writes, then every event must have arrived.
            List<JsonNode> committed;
            try (ServeProcess serve = ServeProcess.start(data, List.of(), env, KilledDelivery.serveArgs(port))) {
                patch(scim, "Groups/" + team, "replace", "displayName", "\"Team 2\"");
                delete(scim, "Groups/" + team);
                KilledDelivery.awaitDelivered(receiver, KilledDelivery.lastId(port, tenantId, reader));
                committed = KilledDelivery.feed(port, tenantId, reader);
                assertThat(serve.stop()).isIn(0, 143);
            }
            assertThat(committed).extracting(e -> e.path("type").asText()).contains("user.created", "user.updated",
                    "user.suspended", "user.reactivated", "user.deleted", "group.created", "group.updated",
                    "group.member_added", "group.member_removed", "group.deleted");
            KilledDelivery.assertDeliveredAsCommitted(receiver, committed, endpoint.secret(),
                    Set.of(4L, answeredNotRecorded));
        }
    }
}
