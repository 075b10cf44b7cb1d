package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.service.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kill -9 tests of webhook delivery share: {@code serve} on a port the test chose (so a restart keeps its
 * address) under one public URL (so every instance renders an event the same way), SCIM writes of every kind, the
 * pull feed as the record of what was committed, and the check that the deliveries are that record.
 */
final class KilledDelivery {
    static final String PUBLIC_URL = "https://scim.example.com";
    private static final long WAIT_SECONDS = 120;

    private KilledDelivery() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String[] serveArgs(int port, String... more) {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--public-url", PUBLIC_URL));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static HttpJson scim(int port, String tenantId, String token) {
        return new HttpJson("http://127.0.0.1:" + port + "/scim/v2/" + tenantId, token);
    }

    /** Creates a user; its id. */
    static String user(HttpJson scim, String userName) {
        HttpJson.Response r = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + userName + "\",\"active\":true}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    /** Creates a group with these members; its id. */
    static String group(HttpJson scim, String name, String... members) {
        StringBuilder m = new StringBuilder();
        for (String id : members) {
            m.append(m.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        HttpJson.Response r = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"" + name
                + "\",\"members\":[" + m + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    /** One PATCH operation on a resource ({@code Users/ID} or {@code Groups/ID}). */
    static void patch(HttpJson scim, String resource, String op, String path, String valueJson) {
        HttpJson.Response r = scim.patch("/" + resource, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"" + op
                + "\",\"path\":\"" + path + "\"" + (valueJson == null ? "" : ",\"value\":" + valueJson) + "}]}");
        assertThat(r.status()).as(r.text()).isIn(200, 204);
    }

    static void delete(HttpJson scim, String resource) {
        HttpJson.Response r = scim.delete("/" + resource);
        assertThat(r.status()).as(r.text()).isEqualTo(204);
    }

    /** Every event the pull feed keeps, oldest first, read page by page as a consuming app would. */
    static List<JsonNode> feed(int port, String tenantId, String readerCredential) {
        HttpJson events = new HttpJson("http://127.0.0.1:" + port + "/events/v1/" + tenantId, readerCredential);
        List<JsonNode> all = new ArrayList<>();
        String after = "0";
        while (true) {
            HttpJson.Response page = events.get("?after=" + after + "&limit=7");
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("events").forEach(all::add);
            if (page.json().path("events").isEmpty()) {
                return all;
            }
            after = page.json().path("next").asText();
        }
    }

    /** The id of the newest event the feed has. */
    static long lastId(int port, String tenantId, String readerCredential) {
        List<JsonNode> all = feed(port, tenantId, readerCredential);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("id").asLong();
    }

    /** Waits until the receiver has had every event up to {@code lastId} (the condition, up to two minutes). */
    static void awaitDelivered(GatedWebhookReceiver receiver, long lastId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (!receiver.ids().contains(lastId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event " + lastId + " not delivered in " + WAIT_SECONDS + " s; got "
                        + receiver.ids());
            }
            Thread.sleep(20); // pacing only: the wait ends on the condition
        }
    }

    /**
     * The deliveries are the committed events, exactly: each as the feed tells it (the same JSON), signed with the
     * endpoint's secret, in id order (so in order per resource), each once, except that each event in flight at a
     * kill ({@code inFlightAtKills}) arrived a second time, right after its first time, from the restarted or
     * surviving instance: at least once, and nothing more.
     */
    static void assertDeliveredAsCommitted(GatedWebhookReceiver receiver, List<JsonNode> committed, String secret,
            Set<Long> inFlightAtKills) {
        List<Long> expected = new ArrayList<>();
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode event : committed) {
            long id = event.path("id").asLong();
            byId.put(id, event);
            expected.add(id);
            if (inFlightAtKills.contains(id)) {
                expected.add(id);
            }
        }
        assertThat(committed).as("the test made writes of every kind").isNotEmpty();
        assertThat(receiver.ids()).as("deliveries in arrival order").isEqualTo(expected);
        for (GatedWebhookReceiver.Delivery d : receiver.deliveries) {
            assertThat(d.event()).as("delivery of event %s is the event as committed", d.id()).isEqualTo(byId.get(d.id()));
            long t = Long.parseLong(d.signature().substring(2, d.signature().indexOf(',')));
            assertThat(d.signature()).isEqualTo("t=" + t + ",v1=" + WebhookSignature.hmac(secret, t, d.body()));
        }
    }
}
