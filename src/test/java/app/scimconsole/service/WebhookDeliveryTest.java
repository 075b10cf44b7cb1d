package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.WebhookPoster;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery against a real HTTP receiver on loopback, on a real database (SQLite here, PostgreSQL in the
 * subclass): signed, in order, retried with backoff driven by a clock the test moves (never by waiting), refused for
 * private addresses, never following a redirect.
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jitter pinned to the whole wait, so "one hour later" is always past a retry's time. */
    private static final WebhookBackoff BACKOFF = new WebhookBackoff(() -> 1.0);

    @TempDir
    Path data;
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
    SqlDirectory directory;
    ServiceCore core;
    WebhookReceiver receiver;
    String tenantId;
    ScimAccess.Caller caller;

    SqlDirectory openDirectory() {
        return SqliteDirectory.open(data, clock);
    }

    @BeforeEach
    void start() throws Exception {
        directory = openDirectory();
        core = new ServiceCore(directory, null, clock, new KeySetAddress(true));
        tenantId = new TenantAdmin(directory, clock).enable().tenantId();
        caller = new ScimAccess.Caller(tenantId, true, "192.0.2.30");
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        core.close();
        directory.close();
    }

    WebhookDelivery delivery(boolean devLoopback) {
        return new WebhookDelivery(directory.webhooks(), new WebhookAddress(devLoopback),
                new WebhookPoster(new WebhookAddress(devLoopback)),
                id -> "https://scim.example.com/scim/v2/" + id, clock, BACKOFF);
    }

    Webhooks webhooks(boolean devLoopback) {
        return new Webhooks(directory.webhooks(), new WebhookAddress(devLoopback), clock);
    }

    String group(String name) throws Exception {
        return core.provisioning().create(caller, ResourceType.GROUP, JSON.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name + "\"}"))
                .id();
    }

    void changes() throws Exception {
        String sales = group("Sales");
        group("Support");
        core.provisioning().patch(caller, ResourceType.GROUP, sales, null, JSON.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"displayName\",\"value\":\"Sales EMEA\"}]}"));
        core.provisioning().delete(caller, ResourceType.GROUP, sales, null);
        group("Finance");
    }

    List<String> idsReceived() throws Exception {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.received) {
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        return ids;
    }

    List<String> idsCommitted() {
        return directory.events(tenantId, 0, 1000).stream().map(e -> Long.toString(e.id())).toList();
    }

    @Test
    void aReceiverThatChecksTheSignatureGetsEveryEventInOrder() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        assertThat(added.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        changes();

        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isEqualTo(5);
        }

        assertThat(idsReceived()).isEqualTo(idsCommitted()).hasSize(5);
        List<Event> committed = directory.events(tenantId, 0, 1000);
        for (int i = 0; i < receiver.received.size(); i++) {
            WebhookReceiver.Received r = receiver.received.get(i);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(verifies(added.secret(), r.signature(), r.body())).as("signature of " + i).isTrue();
            assertThat(verifies("whsec_not-the-secret", r.signature(), r.body())).isFalse();
            JsonNode event = JSON.readTree(r.body());
            assertThat(event.get("type").asText()).isEqualTo(committed.get(i).type());
            assertThat(event.get("resourceId").asText()).isEqualTo(committed.get(i).resourceId());
        }
        assertThat(JSON.readTree(receiver.received.get(2).body()).get("previous").get("displayName").asText())
                .isEqualTo("Sales");
        assertThat(JSON.readTree(receiver.received.get(0).body()).at("/resource/meta/location").asText())
                .startsWith("https://scim.example.com/scim/v2/" + tenantId + "/Groups/");

        Webhooks.Health health = webhooks(true).list(tenantId).get(0);
        assertThat(health.state()).isEqualTo(Webhooks.State.HEALTHY);
        assertThat(health.backlog()).isZero();
        assertThat(health.lastSuccess()).isEqualTo(clock.instant());
    }

    @Test
    void anEndpointGetsOnlyTheTypesItAskedForAndOnlyEventsAfterItWasAdded() throws Exception {
        group("Before");
        webhooks(true).add(tenantId, receiver.url("/hook"), List.of("group.deleted", "group.updated"));
        changes();
        try (WebhookDelivery delivery = delivery(true)) {
            delivery.runOnce();
        }
        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.received) {
            types.add(JSON.readTree(r.body()).get("type").asText());
        }
        assertThat(types).containsExactly("group.updated", "group.deleted");
        assertThatThrownBy(() -> webhooks(true).add(tenantId, receiver.url("/hook"), List.of("user.renamed")))
                .isInstanceOfSatisfying(WebhookInputException.class,
                        e -> assertThat(e.why().code()).isEqualTo(Webhooks.UNKNOWN_TYPE));
    }

    @Test
    void aReceiverThatFailsForAWhileThenRecoversGetsEveryEvent() throws Exception {
        webhooks(true).add(tenantId, receiver.url("/hook"), null);
        changes();
        AtomicInteger failuresLeft = new AtomicInteger(4);
        receiver.status = () -> failuresLeft.getAndDecrement() > 0 ? 503 : 200;

        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isZero();
            Webhooks.Health health = webhooks(true).list(tenantId).get(0);
            assertThat(health.state()).isEqualTo(Webhooks.State.RETRYING);
            assertThat(health.failingSince()).isEqualTo(clock.instant());
            assertThat(health.backlog()).isEqualTo(5);
            assertThat(health.lastError()).isEqualTo(Reason.of(WebhookFailure.SERVER_ERROR, 503));
            assertThat(health.nextAttempt()).isEqualTo(clock.instant().plus(WebhookBackoff.FIRST));

            assertThat(delivery.runOnce()).as("not due yet: no request").isZero();
            assertThat(receiver.received).hasSize(1);

            List<Duration> waits = new ArrayList<>();
            while (webhooks(true).list(tenantId).get(0).backlog() > 0) {
                Instant next = webhooks(true).list(tenantId).get(0).nextAttempt();
                waits.add(Duration.between(clock.instant(), next));
                clock.set(next);
                delivery.runOnce();
                assertThat(waits).hasSizeLessThan(10);
            }
            assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                    Duration.ofSeconds(80));
        }
        List<String> ids = idsReceived();
        assertThat(ids.subList(0, 5)).containsOnly(idsCommitted().get(0));
        assertThat(ids.subList(4, ids.size())).isEqualTo(idsCommitted());
        assertThat(webhooks(true).list(tenantId).get(0).state()).isEqualTo(Webhooks.State.HEALTHY);
    }

    @Test
    void afterThreeDaysOfFailuresTheEndpointIsFailingAndKeepsItsBacklog() throws Exception {
        webhooks(true).add(tenantId, receiver.url("/hook"), null);
        changes();
        receiver.status = () -> 503;
        try (WebhookDelivery delivery = delivery(true)) {
            Instant firstFailure = clock.instant();
            for (int i = 0; i < 80 && clock.instant().isBefore(firstFailure.plus(Duration.ofDays(3))); i++) {
                delivery.runOnce();
                clock.set(webhooks(true).list(tenantId).get(0).nextAttempt());
            }
            delivery.runOnce();
            Webhooks.Health health = webhooks(true).list(tenantId).get(0);
            assertThat(health.state()).isEqualTo(Webhooks.State.FAILING);
            assertThat(health.failingSince()).isEqualTo(firstFailure);
            assertThat(health.backlog()).isEqualTo(5);
            assertThat(Duration.between(clock.instant(), health.nextAttempt())).isEqualTo(WebhookBackoff.FAILING_PROBE);
            assertThat(Duration.between(firstFailure, clock.instant()).toHours()).isBetween(72L, 74L);

            receiver.status = () -> 200;
            clock.set(health.nextAttempt());
            assertThat(delivery.runOnce()).isEqualTo(5);
        }
        List<String> ids = idsReceived();
        assertThat(ids.subList(ids.size() - 5, ids.size())).isEqualTo(idsCommitted());
        assertThat(webhooks(true).list(tenantId).get(0).state()).isEqualTo(Webhooks.State.HEALTHY);
    }

    @Test
    void privateAndNonHttpsAddressesAreRefusedWhenAdded() {
        Webhooks production = webhooks(false);
        for (String url : List.of("https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.5/",
                "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://[::1]/hook",
                "https://[fd00::1]/hook", "https://100.64.0.1/", "https://0.0.0.0/", "https://localhost/hook")) {
            assertThatThrownBy(() -> production.add(tenantId, url, null)).as(url)
                    .isInstanceOfSatisfying(WebhookInputException.class,
                            e -> assertThat(e.why().code()).isEqualTo(WebhookAddress.PRIVATE));
        }
        for (String url : List.of("http://203.0.113.10/hook", "http://127.0.0.1:8080/hook")) {
            assertThatThrownBy(() -> production.add(tenantId, url, null)).as(url)
                    .isInstanceOfSatisfying(WebhookInputException.class,
                            e -> assertThat(e.why().code()).isEqualTo(WebhookAddress.NOT_HTTPS));
        }
        for (String url : List.of("ftp://example.com/", "https://user:pw@example.com/", "not a url", "/relative")) {
            assertThatThrownBy(() -> production.add(tenantId, url, null)).as(url)
                    .isInstanceOfSatisfying(WebhookInputException.class,
                            e -> assertThat(e.why().code()).isEqualTo(WebhookAddress.INVALID));
        }
        assertThat(production.list(tenantId)).isEmpty();
        assertThat(production.add(tenantId, "https://203.0.113.10/hook", null).id()).isNotBlank();

        Webhooks dev = webhooks(true);
        assertThat(dev.add(tenantId, "http://127.0.0.1:8080/hook", null).id()).isNotBlank();
        assertThatThrownBy(() -> dev.add(tenantId, "https://10.1.2.3/hook", null))
                .isInstanceOf(WebhookInputException.class);
    }

    @Test
    void theAddressIsCheckedAgainWhenTheDeliveryConnects() throws Exception {
        // stored as if the name had resolved to a public address when it was added (DNS rebinding)
        directory.webhooks().add(tenantId, "https://127.0.0.1:" + receiver.port() + "/hook", List.of(), "whsec_x");
        group("Sales");
        try (WebhookDelivery delivery = delivery(false)) {
            assertThat(delivery.runOnce()).isZero();
        }
        assertThat(receiver.received).isEmpty();
        Webhooks.Health health = webhooks(false).list(tenantId).get(0);
        assertThat(health.state()).isEqualTo(Webhooks.State.RETRYING);
        assertThat(health.lastError()).isEqualTo(Reason.of(WebhookFailure.ADDRESS_REFUSED, "127.0.0.1"));
        assertThat(health.backlog()).isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        webhooks(true).add(tenantId, receiver.url("/moved"), null);
        group("Sales");
        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isZero();
        }
        assertThat(receiver.received).extracting(WebhookReceiver.Received::path).containsExactly("/moved");
        Webhooks.Health health = webhooks(true).list(tenantId).get(0);
        assertThat(health.lastError()).isEqualTo(Reason.of(WebhookFailure.REDIRECT, 302));
        assertThat(health.backlog()).isEqualTo(1);
    }

    @Test
    void aRemovedEndpointGetsNothingMore() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        assertThat(webhooks(true).remove(tenantId, added.id())).isTrue();
        assertThat(webhooks(true).remove(tenantId, added.id())).isFalse();
        group("Sales");
        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isZero();
        }
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void replayFromACursorSendsTheEventsAfterItAgainInOrder() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        changes();
        List<String> committed = idsCommitted();
        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isEqualTo(5);

            Webhooks.Replayed back = webhooks(true).replay(tenantId, added.id(), committed.get(1)).orElseThrow();
            assertThat(back.backlog()).isEqualTo(3);
            assertThat(back.eventsLost()).isFalse();
            assertThat(back.oldestKept()).isEqualTo(Long.parseLong(committed.get(0)));
            assertThat(delivery.runOnce()).isEqualTo(3);
            assertThat(idsReceived().subList(5, 8)).isEqualTo(committed.subList(2, 5));

            // forward: skips what is before the cursor
            webhooks(true).replay(tenantId, added.id(), committed.get(1));
            assertThat(webhooks(true).replay(tenantId, added.id(), committed.get(3)).orElseThrow().backlog())
                    .isEqualTo(1);
            assertThat(delivery.runOnce()).isEqualTo(1);
            assertThat(idsReceived().subList(8, 9)).containsExactly(committed.get(4));
        }

        String newest = committed.get(4);
        String beyond = Long.toString(Long.parseLong(newest) + 1);
        assertThatThrownBy(() -> webhooks(true).replay(tenantId, added.id(), beyond))
                .isInstanceOfSatisfying(WebhookInputException.class, e -> {
                    assertThat(e.why().code()).isEqualTo(Webhooks.CURSOR_BEYOND_NEWEST);
                    assertThat(e.why().args()).containsExactly(beyond, newest);
                });
        for (String notACursor : List.of("", "-1", "abc", "1e3", "1234567890123456789")) {
            assertThatThrownBy(() -> webhooks(true).replay(tenantId, added.id(), notACursor)).as(notACursor)
                    .isInstanceOfSatisfying(WebhookInputException.class,
                            e -> assertThat(e.why().code()).isEqualTo(Webhooks.CURSOR_INVALID));
        }
        assertThat(webhooks(true).replay(tenantId, "no-such-endpoint", "0")).isEmpty();
        assertThat(webhooks(true).list(tenantId).get(0).backlog()).isZero();
    }

    @Test
    void aCursorOlderThanTheOldestKeptEventStartsFromTheOldestKeptAndSaysSo() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        group("Old");
        clock.advance(Duration.ofDays(2));
        group("Kept");
        group("Also kept");
        directory.purgeHistory(tenantId, clock.instant().minus(Duration.ofDays(1)));
        List<String> kept = idsCommitted();
        assertThat(kept).hasSize(2);

        Webhooks.Replayed replayed = webhooks(true).replay(tenantId, added.id(), "0").orElseThrow();
        assertThat(replayed.eventsLost()).isTrue();
        assertThat(replayed.oldestKept()).isEqualTo(Long.parseLong(kept.get(0)));
        assertThat(replayed.backlog()).isEqualTo(2);
        try (WebhookDelivery delivery = delivery(true)) {
            assertThat(delivery.runOnce()).isEqualTo(2);
        }
        assertThat(idsReceived()).isEqualTo(kept);
        // just before the oldest kept: nothing lost
        String justBefore = Long.toString(Long.parseLong(kept.get(0)) - 1);
        assertThat(webhooks(true).replay(tenantId, added.id(), justBefore).orElseThrow().eventsLost()).isFalse();
    }

    @Test
    void aReplayWhileADeliveryIsInFlightIsNotUndoneByItsAcknowledgement() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        changes();
        List<String> committed = idsCommitted();
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch replayed = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        receiver.status = () -> {
            if (requests.getAndIncrement() == 2) { // the third event is being delivered: hold it until the replay
                inFlight.countDown();
                awaitQuietly(replayed);
            }
            return 200;
        };
        try (WebhookDelivery delivery = delivery(true)) {
            CompletableFuture<Integer> round = CompletableFuture.supplyAsync(delivery::runOnce);
            assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
            // the lease is held by the round in flight; the owner moves the cursor back to the start meanwhile
            assertThat(webhooks(true).replay(tenantId, added.id(), "0")).isPresent();
            replayed.countDown();
            assertThat(round.get(30, TimeUnit.SECONDS)).as("the third acknowledgement did not count").isEqualTo(2);
            assertThat(webhooks(true).list(tenantId).get(0).backlog()).as("the cursor stayed where the owner set it")
                    .isEqualTo(5);

            assertThat(delivery.runOnce()).as("the lease was given up: the next round delivers").isEqualTo(5);
        }
        List<String> expected = new ArrayList<>(committed.subList(0, 3));
        expected.addAll(committed);
        assertThat(idsReceived()).isEqualTo(expected);
    }

    @Test
    void duringASecretRotationsOverlapBothSecretsVerifyThenOnlyTheNewOne() throws Exception {
        Webhooks.Added added = webhooks(true).add(tenantId, receiver.url("/hook"), null);
        try (WebhookDelivery delivery = delivery(true)) {
            group("Before");
            delivery.runOnce();
            Webhooks.Rotated rotated = webhooks(true).rotateSecret(tenantId, added.id()).orElseThrow();
            assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(added.secret());
            assertThat(rotated.previousValidUntil()).isEqualTo(clock.instant().plus(Webhooks.SECRET_OVERLAP));

            group("During the overlap");
            clock.advance(Webhooks.SECRET_OVERLAP.minusMinutes(1));
            group("Near its end");
            delivery.runOnce();
            clock.advance(Duration.ofMinutes(1));
            group("After the overlap");
            delivery.runOnce();

            List<WebhookReceiver.Received> got = receiver.received;
            assertThat(got).hasSize(4);
            assertThat(verifies(added.secret(), got.get(0).signature(), got.get(0).body())).isTrue();
            assertThat(verifies(rotated.secret(), got.get(0).signature(), got.get(0).body())).isFalse();
            for (WebhookReceiver.Received during : got.subList(1, 3)) {
                assertThat(during.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
                assertThat(verifies(added.secret(), during.signature(), during.body())).as("old receiver").isTrue();
                assertThat(verifies(rotated.secret(), during.signature(), during.body())).as("new receiver").isTrue();
            }
            WebhookReceiver.Received after = got.get(3);
            assertThat(after.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(verifies(added.secret(), after.signature(), after.body())).as("old receiver").isFalse();
            assertThat(verifies(rotated.secret(), after.signature(), after.body())).as("new receiver").isTrue();

            Webhooks.Rotated again = webhooks(true).rotateSecret(tenantId, added.id()).orElseThrow();
            group("After a second rotation");
            delivery.runOnce();
            WebhookReceiver.Received last = got.get(4);
            assertThat(verifies(again.secret(), last.signature(), last.body())).isTrue();
            assertThat(verifies(rotated.secret(), last.signature(), last.body())).isTrue();
            assertThat(verifies(added.secret(), last.signature(), last.body())).isFalse();
        }
        assertThat(webhooks(true).rotateSecret(tenantId, "no-such-endpoint")).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a receiver does: recompute the HMAC of "t.body" with its secret and accept when any of the header's
     * {@code v1} signatures equals it (during a secret rotation there is one per secret).
     */
    static boolean verifies(String secret, String header, byte[] body) throws Exception {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
        boolean any = false;
        for (String sent : v1) {
            any |= MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII));
        }
        return any;
    }
}
