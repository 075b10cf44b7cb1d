package app.scimconsole.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The name resolver of the webhook client: it resolves a name once (through the resolver it wraps) and hands on only
 * the addresses the policy permits; Jetty's client connects to nothing but what its resolver hands on, so the address
 * checked is the address connected to, and a name that resolves to a public address when checked and to a private one
 * later (DNS rebinding) cannot slip in between. When no address is permitted, the connection fails with
 * {@link Refused}, naming the first refused address.
 */
final class PermittedAddresses implements SocketAddressResolver {
    private final SocketAddressResolver names;
    private final Predicate<InetAddress> permits;

    PermittedAddresses(SocketAddressResolver names, Predicate<InetAddress> permits) {
        this.names = names;
        this.permits = permits;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        names.resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> resolved) {
                List<InetSocketAddress> permitted = resolved.stream()
                        .filter(a -> a.getAddress() != null && permits.test(a.getAddress())).toList();
                if (permitted.isEmpty()) {
                    promise.failed(new Refused(resolved.isEmpty() || resolved.get(0).getAddress() == null
                            ? "0.0.0.0" : resolved.get(0).getAddress().getHostAddress()));
                } else {
                    promise.succeeded(permitted);
                }
            }

            @Override
            public void failed(Throwable x) {
                promise.failed(x);
            }
        });
    }

    /** No address the name resolved to is permitted. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final String address;

        Refused(String address) {
            super("address refused: " + address);
            this.address = address;
        }
    }
}
