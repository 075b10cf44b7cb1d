package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.admin.Reason;
import app.scimconsole.service.WebhookAddress;
import app.scimconsole.service.WebhookFailure;
import app.scimconsole.service.WebhookTransport.Outcome;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.junit.jupiter.api.Test;

/**
 * The webhook client connects only to what its resolver hands on: one lookup per connection, its private addresses
 * dropped, so an address checked is the address connected to (no second lookup that DNS rebinding could answer).
 */
class PermittedAddressesTest {
    private static final WebhookAddress PRODUCTION = new WebhookAddress(false);

    /** A name server that answers {@code addresses} and counts the questions. */
    static final class Answering implements SocketAddressResolver {
        final AtomicInteger lookups = new AtomicInteger();
        private final List<String> addresses;

        Answering(String... addresses) {
            this.addresses = List.of(addresses);
        }

        @Override
        public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
            lookups.incrementAndGet();
            promise.succeeded(addresses.stream().map(a -> new InetSocketAddress(ip(a), port)).toList());
        }
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<InetSocketAddress> resolve(SocketAddressResolver resolver) throws Exception {
        Promise.Completable<List<InetSocketAddress>> result = new Promise.Completable<>();
        resolver.resolve("hook.example.com", 443, Map.of(), result);
        return result.get();
    }

    @Test
    void onlyThePermittedAddressesOfOneLookupAreHandedOn() throws Exception {
        Answering dns = new Answering("10.0.0.7", "203.0.113.10", "127.0.0.1", "fd00::1", "2001:db8:1::5", "169.254.1.1");
        List<InetSocketAddress> handed = resolve(new PermittedAddresses(dns, PRODUCTION::permits));
        assertThat(handed).extracting(a -> a.getAddress().getHostAddress()).containsExactlyInAnyOrderElementsOf(
                List.of("203.0.113.10", ip("2001:db8:1::5").getHostAddress()));
        assertThat(handed).allSatisfy(a -> assertThat(a.getPort()).isEqualTo(443));
        assertThat(dns.lookups).as("the name is looked up once").hasValue(1);
    }

    @Test
    void aNameWithNoPermittedAddressIsRefusedNamingTheFirst() {
        Answering dns = new Answering("10.0.0.7", "127.0.0.1");
        assertThatThrownBy(() -> resolve(new PermittedAddresses(dns, PRODUCTION::permits)))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(PermittedAddresses.Refused.class, e -> assertThat(e.address).isEqualTo("10.0.0.7"));
    }

    @Test
    void aLookupThatFailsFailsTheConnection() {
        SocketAddressResolver nothing = (host, port, context, promise) -> promise.failed(new UnknownHostException(host));
        assertThatThrownBy(() -> resolve(new PermittedAddresses(nothing, PRODUCTION::permits)))
                .cause().isInstanceOf(UnknownHostException.class).hasMessage("hook.example.com");
    }

    @Test
    void aPosterToANameThatResolvesToLoopbackConnectsNowhere() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                WebhookPoster poster = new WebhookPoster(PRODUCTION)) {
            // by name, not by address: the refusal comes from the client's resolver, before any connection
            Outcome o = poster.post("https://localhost:" + listening.getLocalPort() + "/hook", "sig", new byte[] {'{', '}'});
            assertThat(o.failure()).isEqualTo(Reason.of(WebhookFailure.ADDRESS_REFUSED, "127.0.0.1"));
        }
    }

    @Test
    void aPosterAllowedLoopbackDeliversByName() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (WebhookPoster poster = new WebhookPoster(new WebhookAddress(true))) {
            Outcome o = poster.post("http://localhost:" + receiver.getAddress().getPort() + "/hook", "sig",
                    "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(o.acknowledged()).isTrue();
            assertThat(bodies).containsExactly("{\"a\":1} application/json");
        } finally {
            receiver.stop(0);
        }
    }
}
