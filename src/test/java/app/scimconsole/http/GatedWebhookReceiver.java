package app.scimconsole.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver on loopback for a service in another process: records every delivery in the order it
 * arrived (before answering it) and answers 204. A {@link Gate} set on an event id holds the answer to the first
 * delivery of that event until the test opens it: the test can kill the service while that delivery is in flight,
 * or just after the receiver answered it.
 */
final class GatedWebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GATE_WAIT_SECONDS = 120;

    /** One delivery as it arrived: the event's id, the body, its signature header, the sender's port. */
    record Delivery(long id, byte[] body, String signature, int senderPort) {
        JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a delivery that is not JSON: " + new String(body), e);
            }
        }
    }

    /** Holds the answer to one delivery: {@code arrived} once it is in, {@code answered} once the 204 was sent. */
    static final class Gate {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        private final CountDownLatch answered = new CountDownLatch(1);
        private volatile Delivery delivery;

        /** Waits (on the condition, up to two minutes) for the held delivery; returns it. */
        Delivery awaitArrival() throws InterruptedException {
            await(arrived, "the held delivery to arrive");
            return delivery;
        }

        void open() {
            open.countDown();
        }

        /** Opens the gate and waits until the 204 was written to the sender's connection. */
        void answerAndAwait() throws InterruptedException {
            open();
            await(answered, "the held delivery to be answered");
        }

        private static void await(CountDownLatch latch, String what) throws InterruptedException {
            if (!latch.await(GATE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + GATE_WAIT_SECONDS + " s for " + what);
            }
        }
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<Long, Gate> gates = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gated-receiver");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;

    GatedWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads); // a held delivery must not hold the others' answers
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Delivery d = new Delivery(JSON.readTree(body).path("id").asLong(), body,
                    exchange.getRequestHeaders().getFirst("Scim-Console-Signature"),
                    exchange.getRemoteAddress().getPort());
            deliveries.add(d);
            Gate gate = gates.remove(d.id()); // only the first delivery of the event is held
            if (gate != null) {
                gate.delivery = d;
                gate.arrived.countDown();
                try {
                    gate.open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                if (gate != null) {
                    gate.answered.countDown();
                }
            } catch (IOException e) {
                exchange.close(); // the sender is gone (killed): nobody hears the answer
            }
        });
        server.start();
    }

    /** Holds the first delivery of event {@code id} until the returned gate is opened. */
    Gate hold(long id) {
        Gate gate = new Gate();
        gates.put(id, gate);
        return gate;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The ids of the deliveries, in the order they arrived. */
    List<Long> ids() {
        return deliveries.stream().map(Delivery::id).toList();
    }

    @Override
    public void close() {
        gates.values().forEach(Gate::open);
        server.stop(0);
        threads.shutdownNow();
    }
}
