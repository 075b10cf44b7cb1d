package app.scimconsole.domains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DNS hierarchy as the internet has it, on loopback: a top-level-domain server ({@code a.nic.test}, serving
 * {@code com.} and {@code net.}) delegates each zone to the name servers the test chooses, each name server is a
 * {@link TestDnsServer} of its own serving its own copy of its zones, and a resolver (what a recursive resolver would
 * answer: each zone's data as the zone itself lists it) lets the checker find them. Every host gets a pretend
 * address, 127.0.0.21 for the TLD server and 127.0.0.31 onwards for the name servers, mapped to its server's
 * loopback port, so that the checker asks each by the address DNS gives for it.
 */
public final class DnsHierarchy implements AutoCloseable {
    private static final String TLD_HOST = "a.nic.test";
    private static final List<String> TLDS = List.of("com", "net");

    public final TestDnsServer resolver;
    public final TestDnsServer tld;
    private final Map<String, TestDnsServer> servers = new LinkedHashMap<>();
    private final Map<String, String> addresses = new HashMap<>();
    private final Map<String, List<String>> zoneServers = new HashMap<>();
    private final Map<InetAddress, InetSocketAddress> endpoints = new HashMap<>();

    private DnsHierarchy() throws IOException {
        resolver = TestDnsServer.start();
        tld = TestDnsServer.start();
        map("127.0.0.21", tld);
        resolver.zone("test", 1, 3600, 900).ns("test", TLD_HOST).a(TLD_HOST, "127.0.0.21");
        for (String name : TLDS) {
            for (TestDnsServer s : List.of(resolver, tld)) {
                s.zone(name, 1, 3600, 900).ns(name, TLD_HOST);
            }
        }
    }

    public static DnsHierarchy start() throws IOException {
        return new DnsHierarchy();
    }

    /**
     * The zone {@code origin} at {@code serial}, listing {@code hosts} in its own NS records, served by each of them
     * and seen so by the resolver. The TLD delegates it to the same hosts unless {@link #delegate} says otherwise.
     */
    public DnsHierarchy zone(String origin, long serial, String... hosts) {
        zoneServers.put(origin, List.of(hosts));
        copy(resolver, origin, serial, hosts);
        for (String host : hosts) {
            copy(server(host), origin, serial, hosts);
        }
        return delegate(origin, hosts);
    }

    /** {@code host} also serves a copy of {@code origin}, one that the zone itself no longer lists it in. */
    public DnsHierarchy oldCopy(String host, String origin, long serial, String... listedInTheCopy) {
        copy(server(host), origin, serial, listedInTheCopy);
        return this;
    }

    /** What the TLD (the registrar) lists as the zone's name servers, with glue addresses. */
    public DnsHierarchy delegate(String origin, String... hosts) {
        tld.remove(origin);
        for (String host : hosts) {
            tld.ns(origin, host).a(host, address(host));
        }
        return this;
    }

    /** A TXT record at {@code owner} in zone {@code origin}, on every server the zone lists and at the resolver. */
    public DnsHierarchy txt(String origin, String owner, String value) {
        everywhere(origin).forEach(s -> s.txt(owner, value));
        return this;
    }

    /** A CNAME at {@code owner} in zone {@code origin}, on every server the zone lists and at the resolver. */
    public DnsHierarchy cname(String origin, String owner, String target) {
        everywhere(origin).forEach(s -> s.cname(owner, target));
        return this;
    }

    /** An address record at {@code owner} in zone {@code origin}: the name exists, without TXT records. */
    public DnsHierarchy a(String origin, String owner, String ip) {
        everywhere(origin).forEach(s -> s.a(owner, ip));
        return this;
    }

    /** The server playing {@code host}, started on first use. */
    public TestDnsServer server(String host) {
        return servers.computeIfAbsent(host, h -> {
            try {
                TestDnsServer s = TestDnsServer.start();
                map(address(h), s);
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A checker that finds everything through the resolver and asks each server at its pretend address. */
    public DnsChecker checker() {
        return DnsChecker.usingResolver(resolver.address(), endpoints::get).withIpv6(false);
    }

    /** {@link #checker()} as a test's check uses it: a silent server given up after 500 ms, the time {@code now}. */
    public DnsChecker checkerAt(Instant now) {
        return checker().withTimeout(Duration.ofMillis(500)).withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<TestDnsServer> everywhere(String origin) {
        List<TestDnsServer> all = new ArrayList<>();
        all.add(resolver);
        zoneServers.get(origin).forEach(h -> all.add(server(h)));
        return all;
    }

    private void copy(TestDnsServer s, String origin, long serial, String... hosts) {
        s.zone(origin, serial, 3600, 900);
        for (String host : hosts) {
            s.ns(origin, host);
            // A zone holds the addresses of its own hosts; a resolver finds every host's address, wherever it lives.
            if (s == resolver || TestDnsServer.name(host).subdomain(TestDnsServer.name(origin))) {
                s.a(host, address(host));
            }
        }
    }

    private String address(String host) {
        return addresses.computeIfAbsent(host, h -> "127.0.0." + (31 + addresses.size()));
    }

    private void map(String ip, TestDnsServer s) {
        try {
            endpoints.put(InetAddress.getByName(ip), s.address());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        servers.values().forEach(TestDnsServer::close);
        tld.close();
        resolver.close();
    }
}
