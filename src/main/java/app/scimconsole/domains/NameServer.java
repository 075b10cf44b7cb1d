package app.scimconsole.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A server to ask: the name people know it by, and where its queries go.
 *
 * @param label    for example {@code ns1.example.net (192.0.2.1)}
 * @param endpoint where queries are sent (the listed address on port 53, except where a test maps it elsewhere)
 */
record NameServer(String label, InetSocketAddress endpoint) {

    /** A name server as the zone lists it. */
    static NameServer listed(String host, InetAddress address, InetSocketAddress endpoint) {
        return new NameServer(host + " (" + address.getHostAddress() + ")", endpoint);
    }

    /** A server known by its address only. */
    static NameServer at(String what, InetSocketAddress endpoint) {
        String port = endpoint.getPort() == 53 ? "" : " port " + endpoint.getPort();
        return new NameServer(what + " (" + endpoint.getAddress().getHostAddress() + port + ")", endpoint);
    }
}
