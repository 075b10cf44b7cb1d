package app.scimconsole.http;

import static app.scimconsole.http.KilledDelivery.delete;
import static app.scimconsole.http.KilledDelivery.group;
import static app.scimconsole.http.KilledDelivery.patch;
import static app.scimconsole.http.KilledDelivery.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.service.EventReaders;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.service.WebhookDelivery;
import app.scimconsole.service.Webhooks;
import app.scimconsole.testing.ServeProcess;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database deliver one webhook endpoint while SCIM writes go to both.
 * The instance that is sending a delivery (so holds the endpoint's lease) is killed with SIGKILL before the receiver
 * answers; the other one takes the endpoint over once the lease expires (set short for the test through
 * {@value WebhookDelivery#LEASE_ENV}; the test waits on the deliveries, not on a clock). Every committed event
 * arrives exactly as committed, in order; the only duplicate is the event that was in flight, and until the kill
 * each event was delivered once although both instances were delivering.
 */
@Timeout(600)
class WebhookKillPostgresTest {
    private static final int KILLED = 128 + 9;

    @TempDir
    Path data;

    @Test
    void theSurvivorTakesOverTheKilledLeaseHoldersDeliveriesAndNothingIsLost() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "tells the lease holder by Linux's /proc");
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        try (GatedWebhookReceiver receiver = new GatedWebhookReceiver()) {
            TenantAdmin.Credentials tenant;
            Webhooks.Added endpoint;
            String reader;
            try (PostgresDirectory setup = PostgresDirectory.open(db);
                    ServiceCore core = new ServiceCore(setup, null, Clock.systemUTC(), new KeySetAddress(true))) {
                tenant = new TenantAdmin(setup, Clock.systemUTC()).enable();
                endpoint = core.webhooks().add(tenant.tenantId(), receiver.url("/hook"), null);
                reader = new EventReaders(setup).issue(tenant.tenantId(), "kill test").credential();
            }
            Map<String, String> env = Map.of("SCIM_DB_USER", db.user(), "SCIM_CONSOLE_DEV_LOOPBACK_HTTP", "1",
                    WebhookDelivery.LEASE_ENV, "20");
            int portA = KilledDelivery.freePort();
            int portB = KilledDelivery.freePort();
            List<JsonNode> committed;
            long inFlight = 6;
            try (ServeProcess a = ServeProcess.start(data.resolve("a"), List.of(), env,
                    KilledDelivery.serveArgs(portA, "--db", db.url()));
                    ServeProcess b = ServeProcess.start(data.resolve("b"), List.of(), env,
                            KilledDelivery.serveArgs(portB, "--db", db.url()))) {
                HttpJson viaA = KilledDelivery.scim(portA, tenant.tenantId(), tenant.secretToken());
                HttpJson viaB = KilledDelivery.scim(portB, tenant.tenantId(), tenant.secretToken());
                GatedWebhookReceiver.Gate gate = receiver.hold(inFlight);
                String ann = user(viaA, "ann");
                String ben = user(viaB, "ben");
                String cid = user(viaA, "cid");
                String team = group(viaB, "Team", ann);
                patch(viaA, "Users/" + ben, "replace", "title", "\"Engineer\"");
                patch(viaB, "Groups/" + team, "add", "members", "[{\"value\":\"" + ben + "\"}]");
                patch(viaA, "Users/" + cid, "replace", "active", "false");
                GatedWebhookReceiver.Delivery held = gate.awaitArrival();
                long holder = SocketOwner.of(held.senderPort(), receiver.port(), List.of(a.pid(), b.pid()));
                ServeProcess killed = holder == a.pid() ? a : b;
                ServeProcess survivor = holder == a.pid() ? b : a;
                HttpJson viaSurvivor = holder == a.pid() ? viaB : viaA;
                int survivorPort = holder == a.pid() ? portB : portA;
                assertThat(killed.kill()).as("killed by SIGKILL, not stopped").isEqualTo(KILLED);
                gate.open();
                assertThat(receiver.ids()).as("once each, up to the one in flight")
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, inFlight).boxed().toList());

                patch(viaSurvivor, "Groups/" + team, "remove", "members[value eq \\\"" + ann + "\\\"]", null);
                patch(viaSurvivor, "Users/" + cid, "replace", "active", "true");
                delete(viaSurvivor, "Users/" + cid);
                delete(viaSurvivor, "Groups/" + team);
                KilledDelivery.awaitDelivered(receiver,
                        KilledDelivery.lastId(survivorPort, tenant.tenantId(), reader));
                committed = KilledDelivery.feed(survivorPort, tenant.tenantId(), reader);
                assertThat(survivor.stop()).isIn(0, 143);
            }
            KilledDelivery.assertDeliveredAsCommitted(receiver, committed, endpoint.secret(), Set.of(inFlight));
        }
    }
}
