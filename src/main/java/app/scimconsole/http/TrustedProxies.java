package app.scimconsole.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The reverse proxies whose word on the client is taken: {@code Forwarded}, {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are read (by Jetty's {@link ForwardedRequestCustomizer}) only on a connection from one
 * of them. From anyone else they are ignored, so a client cannot make the logs name another address.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    private final List<String> addresses;
    private final InetAddressSet trusted = new InetAddressSet();
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    private TrustedProxies(List<String> addresses) {
        this.addresses = List.copyOf(addresses);
        for (String a : addresses) {
            try {
                trusted.add(a);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + a + "' is not an address or an ADDRESS/PREFIX block.");
            }
        }
    }

    /** A proxy on this machine (nginx or Caddy beside the service), the usual deployment. */
    public static TrustedProxies loopback() {
        return new TrustedProxies(LOOPBACK);
    }

    /** Each an address ({@code 10.0.0.5}, {@code ::1}) or a block ({@code 10.0.0.0/8}); none trusts nobody. */
    public static TrustedProxies of(List<String> addresses) {
        return new TrustedProxies(addresses);
    }

    public List<String> addresses() {
        return addresses;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null && trusted.test(inet.getAddress())) {
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }

    @Override
    public String toString() {
        return String.join(", ", addresses);
    }
}
