package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.WebhookStore.Endpoint;
import app.scimconsole.http.WebhookPoster;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.ManualClock;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database deliver one endpoint: each event reaches the receiver once, in order, while
 * both deliver at once; and the endpoint of an instance killed mid-delivery is taken over once its lease expires.
 */
class WebhookInstancesPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GROUPS = 60;

    @Test
    void twoInstancesDeliverEachEventOnceInOrder() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        Clock clock = Clock.systemUTC();
        try (WebhookReceiver receiver = new WebhookReceiver(); PostgresDirectory one = PostgresDirectory.open(db);
                PostgresDirectory two = PostgresDirectory.open(db);
                ServiceCore a = new ServiceCore(one, null, clock, new KeySetAddress(true))) {
            String tenantId = new TenantAdmin(one, clock).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.40");
            a.webhooks().add(tenantId, receiver.url("/hook"), null);
            try (WebhookDelivery first = delivery(one, clock); WebhookDelivery second = delivery(two, clock)) {
                first.start(Duration.ofMillis(5));
                second.start(Duration.ofMillis(5));
                for (int i = 0; i < GROUPS; i++) {
                    a.provisioning().create(caller, ResourceType.GROUP, JSON.readTree(
                            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"G" + i
                                    + "\"}"));
                }
                while (one.webhooks().endpoints(tenantId).get(0).deliveredId() < GROUPS) {
                    Thread.sleep(10); // pacing only: the wait ends on the condition, the cursor at the last event
                }
            }
            List<Long> ids = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.received) {
                ids.add(JSON.readTree(r.body()).get("id").asLong());
            }
            assertThat(ids).isEqualTo(java.util.stream.LongStream.rangeClosed(1, GROUPS).boxed().toList());
        }
    }

    /**
     * Acknowledged once as well as delivered once: two instances race through rounds while the events are written,
     * and the acknowledgements they record add up to exactly the number of events (an acknowledgement recorded by
     * both would count twice, one recorded by neither would leave the cursor short).
     */
    @Test
    void twoRacingInstancesRecordEachAcknowledgementOnce() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        Clock clock = Clock.systemUTC();
        try (WebhookReceiver receiver = new WebhookReceiver(); PostgresDirectory one = PostgresDirectory.open(db);
                PostgresDirectory two = PostgresDirectory.open(db);
                ServiceCore a = new ServiceCore(one, null, clock, new KeySetAddress(true));
                WebhookDelivery first = delivery(one, clock); WebhookDelivery second = delivery(two, clock)) {
            String tenantId = new TenantAdmin(one, clock).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.42");
            a.webhooks().add(tenantId, receiver.url("/hook"), null);
            java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> racers = new ArrayList<>();
            for (WebhookDelivery instance : List.of(first, second)) {
                Thread t = new Thread(() -> {
                    // rounds until every event is written and this instance finds nothing more to acknowledge
                    boolean done = false;
                    while (!done) {
                        boolean allWritten = written.get();
                        int n = instance.runOnce();
                        acknowledged.addAndGet(n);
                        done = allWritten && n == 0
                                && one.webhooks().endpoints(tenantId).get(0).deliveredId() == GROUPS;
                    }
                });
                t.start();
                racers.add(t);
            }
            for (int i = 0; i < GROUPS; i++) {
                a.provisioning().create(caller, ResourceType.GROUP, JSON.readTree(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"G" + i
                                + "\"}"));
            }
            written.set(true);
            for (Thread t : racers) {
                t.join(120_000);
                assertThat(t.isAlive()).isFalse();
            }
            assertThat(acknowledged.get()).isEqualTo(GROUPS);
            List<Long> ids = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.received) {
                ids.add(JSON.readTree(r.body()).get("id").asLong());
            }
            assertThat(ids).isEqualTo(java.util.stream.LongStream.rangeClosed(1, GROUPS).boxed().toList());
        }
    }

    @Test
    void anInstanceKilledMidDeliveryIsTakenOverWhenItsLeaseExpires() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
        try (WebhookReceiver receiver = new WebhookReceiver(); PostgresDirectory one = PostgresDirectory.open(db, clock);
                PostgresDirectory two = PostgresDirectory.open(db, clock);
                ServiceCore a = new ServiceCore(one, null, clock, new KeySetAddress(true))) {
            String tenantId = new TenantAdmin(one, clock).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.41");
            String id = a.webhooks().add(tenantId, receiver.url("/hook"), null).id();
            for (int i = 0; i < 3; i++) {
                a.provisioning().create(caller, ResourceType.GROUP, JSON.readTree(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"G" + i + "\"}"));
            }
            // the killed instance: it took the lease, then died before acknowledging anything
            Endpoint held = one.webhooks().lease(id, "killed-instance", clock.instant(),
                    clock.instant().plus(WebhookDelivery.LEASE)).orElseThrow();
            assertThat(held.deliveredId()).isZero();

            try (WebhookDelivery survivor = delivery(two, clock)) {
                assertThat(survivor.runOnce()).as("the lease is still held").isZero();
                assertThat(receiver.received).isEmpty();
                clock.advance(WebhookDelivery.LEASE.plusSeconds(1));
                assertThat(survivor.runOnce()).isEqualTo(3);
            }
            assertThat(one.webhooks().delivered(id, "killed-instance", held.generation(), 3, clock.instant(), clock.instant()))
                    .as("the dead instance's lease changes nothing any more").isFalse();
            assertThat(receiver.received).hasSize(3);
            assertThat(one.webhooks().endpoints(tenantId).get(0).deliveredId()).isEqualTo(3);
        }
    }

    private static WebhookDelivery delivery(PostgresDirectory db, Clock clock) {
        return new WebhookDelivery(db.webhooks(), new WebhookAddress(true),
                new WebhookPoster(new WebhookAddress(true)), t -> "https://scim.example.com/scim/v2/" + t,
                clock, WebhookBackoff.jittered());
    }
}
