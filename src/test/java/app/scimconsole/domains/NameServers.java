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
 * pretend addresses 127.0.0.11..13, mapped to their loopback ports), a fourth plays the resolver that finds them,
 * and a fifth the parent zone's server ({@code a.nic.test} at 127.0.0.21), which delegates the zone to ns1..ns3.
 */
public final class NameServers implements AutoCloseable {
    private static final String PARENT_HOST = "a.nic.test";

    public final TestDnsServer resolver;
    /** The parent zone's server (the registrar's delegation). */
    public final TestDnsServer parent;
    private final List<TestDnsServer> ns = new ArrayList<>();
    private final Map<InetAddress, InetSocketAddress> endpoints = new HashMap<>();

    private NameServers(TestDnsServer resolver, TestDnsServer parent) {
        this.resolver = resolver;
        this.parent = parent;
    }

    /** The zone {@code origin} at {@code serial} on all four servers, with its NS records and their addresses. */
    public static NameServers start(String origin, long serial) throws IOException {
        NameServers s = new NameServers(TestDnsServer.start(), TestDnsServer.start());
        String parentZone = origin.substring(origin.indexOf('.') + 1);
        s.endpoints.put(InetAddress.getByName("127.0.0.21"), s.parent.address());
        s.resolver.zone("test", 1, 3600, 900).ns("test", PARENT_HOST).a(PARENT_HOST, "127.0.0.21");
        s.resolver.zone(parentZone, 1, 3600, 900).ns(parentZone, PARENT_HOST);
        s.parent.zone(parentZone, 1, 3600, 900).ns(parentZone, PARENT_HOST);
        for (int i = 1; i <= 3; i++) {
            s.parent.ns(origin, "ns" + i + "." + origin).a("ns" + i + "." + origin, "127.0.0.1" + i);
        }
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
        parent.close();
        resolver.close();
    }
}
