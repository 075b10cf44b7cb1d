package app.scimconsole.domains;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A zone served as the internet serves it, on loopback: three test servers play its name servers ns1..ns3 (at
 * pretend addresses 127.0.0.11..13, mapped to their loopback ports) and a fourth plays the resolver that finds them.
 */
public final class NameServers implements AutoCloseable {
    public final TestDnsServer resolver;
    private final List<TestDnsServer> ns = new ArrayList<>();
    private final Map<InetAddress, InetSocketAddress> endpoints = new HashMap<>();

    private NameServers(TestDnsServer resolver) {
        this.resolver = resolver;
    }

    /** The zone {@code origin} at {@code serial} on all four servers, with its NS records and their addresses. */
    public static NameServers start(String origin, long serial) throws IOException {
        NameServers s = new NameServers(TestDnsServer.start());
        zone(s.resolver, origin, serial);
        for (int i = 1; i <= 3; i++) {
            TestDnsServer server = TestDnsServer.start();
            zone(server, origin, serial);
            s.ns.add(server);
            s.endpoints.put(InetAddress.getByName("127.0.0.1" + i), server.address());
        }
        return s;
    }

    private static void zone(TestDnsServer server, String origin, long serial) {
        server.zone(origin, serial, 3600, 900);
        for (int i = 1; i <= 3; i++) {
            server.ns(origin, "ns" + i + "." + origin).a("ns" + i + "." + origin, "127.0.0.1" + i);
        }
    }

    /** Name server {@code i}, 1 to 3. */
    public TestDnsServer ns(int i) {
        return ns.get(i - 1);
    }

    /** A checker that finds the name servers through the resolver and asks each of them. */
    public DnsChecker checker() {
        return DnsChecker.usingResolver(resolver.address(), endpoints::get).withIpv6(false);
    }

    /** Publishes the challenge record on these name servers (1 to 3). */
    public void publishOn(Challenge challenge, int... servers) {
        for (int i : servers) {
            ns(i).txt(challenge.recordName(), challenge.recordValue());
        }
    }

    @Override
    public void close() {
        ns.forEach(TestDnsServer::close);
        resolver.close();
    }
}
