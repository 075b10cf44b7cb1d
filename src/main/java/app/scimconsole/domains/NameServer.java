package app.scimconsole.domains;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A server to ask: how people know it, and where its queries go.
 *
 * @param label    who it is, as a {@code SERVER_…} reason
 * @param name     the same without words, for lists of servers: {@code ns1.example.net (192.0.2.1)} or
 *                 {@code 10.0.0.2:5353}
 * @param endpoint where queries are sent (the listed address on port 53, except where a test maps it elsewhere)
 * @param host     the host name an NS record lists, e.g. {@code ns1.example.net}; null for a server known by address
 * @param role     how it came to be asked, which decides how much its answer counts
 */
record NameServer(DomainReason label, String name, InetSocketAddress endpoint, String host, ServerRole role) {

    /** A name server as the zone (or its parent's delegation) lists it. */
    static NameServer listed(String host, InetAddress address, InetSocketAddress endpoint, ServerRole role) {
        String ip = address.getHostAddress();
        return new NameServer(DomainReason.of(ReasonCode.SERVER_NAMED, host, ip), host + " (" + ip + ")", endpoint,
                host, role);
    }

    /** This computer's resolver, known by its address only. */
    static NameServer resolver(InetSocketAddress endpoint) {
        return new NameServer(DomainReason.of(ReasonCode.SERVER_RESOLVER, address(endpoint)), address(endpoint),
                endpoint, null, ServerRole.SYSTEM_RESOLVER);
    }

    /** The one server every query goes to ({@code --dns-server}). */
    static NameServer given(InetSocketAddress endpoint) {
        return new NameServer(DomainReason.of(ReasonCode.SERVER_GIVEN, address(endpoint)), address(endpoint), endpoint,
                null, ServerRole.CONFIGURED);
    }

    /** {@code 192.0.2.1}, {@code 127.0.0.1:5353}, {@code [::1]:5353}: the port only when it is not DNS's own. */
    static String address(InetSocketAddress endpoint) {
        InetAddress ip = endpoint.getAddress();
        String host = ip.getHostAddress();
        if (endpoint.getPort() == 53) {
            return host;
        }
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }
}
