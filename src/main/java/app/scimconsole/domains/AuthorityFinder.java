package app.scimconsole.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds a domain's zone and its authoritative servers through a resolver: walks up from the domain until a SOA
 * record names the zone apex, reads the zone's NS records, and resolves each server name to its addresses.
 */
final class AuthorityFinder {
    private final DnsQuery query;
    private final InetSocketAddress resolver;
    private final Function<InetAddress, InetSocketAddress> endpoint;
    private final boolean useIpv6;

    /**
     * @param endpoint where to send queries meant for a name server's address: {@code ip -> (ip, 53)} in real use;
     *                 tests map several pretend addresses to local test servers
     * @param useIpv6  ask servers on their IPv6 addresses too (only useful where this computer has IPv6 routing)
     */
    AuthorityFinder(DnsQuery query, InetSocketAddress resolver, Function<InetAddress, InetSocketAddress> endpoint,
            boolean useIpv6) {
        this.query = query;
        this.resolver = resolver;
        this.endpoint = endpoint;
        this.useIpv6 = useIpv6;
    }

    CompletableFuture<Authorities> find(DomainName domain) {
        return zoneOf(domain.toDnsName(), domain.toDnsName()).thenCompose(found -> {
            if (found.zone() == null) {
                return CompletableFuture.completedFuture(found);
            }
            return nameServers(found.zone());
        });
    }

    /** The zone apex, from the SOA in the answer (name is the apex) or in the authority section (name is below). */
    CompletableFuture<Authorities> zoneOf(Name domain, Name candidate) {
        if (candidate.labels() <= 1) {
            return done(Authorities.none(null, ReasonCode.NO_SERVERS_NO_ZONE));
        }
        return query.send(resolver, candidate, Type.SOA, true).thenCompose(ex -> {
            if (ex.response() == null) {
                return done(resolverFailure(null, ex.failure()));
            }
            Message response = ex.response();
            if (response.getRcode() == Rcode.NXDOMAIN && candidate.equals(domain)) {
                return done(Authorities.none(null, ReasonCode.NO_SERVERS_NOT_IN_DNS));
            }
            if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
                return done(Authorities.none(null, ReasonCode.NO_SERVERS_RESOLVER_FAILED,
                        NameServer.address(resolver), Rcode.string(response.getRcode())));
            }
            for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
                for (Record r : response.getSection(section)) {
                    if (r instanceof SOARecord && domain.subdomain(r.getName())) {
                        return done(Authorities.found(r.getName(), List.of()));
                    }
                }
            }
            return zoneOf(domain, new Name(candidate, 1));
        });
    }

    private CompletableFuture<Authorities> nameServers(Name zone) {
        return query.send(resolver, zone, Type.NS, true).thenCompose(ex -> {
            if (ex.response() == null) {
                return done(resolverFailure(zone, ex.failure()));
            }
            Set<Name> hosts = new LinkedHashSet<>();
            Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
            for (Record r : ex.response().getSection(Section.ANSWER)) {
                if (r instanceof NSRecord ns && r.getName().equals(zone)) {
                    hosts.add(ns.getTarget());
                }
            }
            for (Record r : ex.response().getSection(Section.ADDITIONAL)) {
                InetAddress address = addressOf(r);
                if (address != null) {
                    glue.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(address);
                }
            }
            if (hosts.isEmpty()) {
                return done(Authorities.none(zone, ReasonCode.NO_SERVERS_NONE_LISTED, zone.toString(true)));
            }
            List<CompletableFuture<List<NameServer>>> perHost = hosts.stream()
                    .map(h -> glue.containsKey(h) ? done(servers(h, glue.get(h))) : addresses(h)).toList();
            return CompletableFuture.allOf(perHost.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<NameServer> servers = perHost.stream().flatMap(f -> f.join().stream()).toList();
                return servers.isEmpty()
                        ? Authorities.none(zone, ReasonCode.NO_SERVERS_NO_ADDRESSES,
                                String.join(", ", hosts.stream().map(h -> h.toString(true)).toList()))
                        : Authorities.found(zone, servers);
            });
        });
    }

    private CompletableFuture<List<NameServer>> addresses(Name host) {
        CompletableFuture<DnsExchange> v4 = query.send(resolver, host, Type.A, true);
        CompletableFuture<DnsExchange> v6 = useIpv6 ? query.send(resolver, host, Type.AAAA, true)
                : done(new DnsExchange(resolver, null, DnsOutcome.NETWORK_ERROR, Duration.ZERO));
        return v4.thenCombine(v6, (a, b) -> {
            List<InetAddress> found = new ArrayList<>();
            for (DnsExchange ex : List.of(a, b)) {
                if (ex.response() != null) {
                    for (Record r : ex.response().getSection(Section.ANSWER)) {
                        InetAddress address = addressOf(r);
                        if (address != null) {
                            found.add(address);
                        }
                    }
                }
            }
            return servers(host, found);
        });
    }

    private List<NameServer> servers(Name host, List<InetAddress> addresses) {
        return addresses.stream().distinct()
                .filter(a -> useIpv6 || a.getAddress().length == 4)
                .map(a -> NameServer.listed(host.toString(true), a, endpoint.apply(a))).toList();
    }

    private static InetAddress addressOf(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress();
        }
        if (r instanceof AAAARecord aaaa) {
            return aaaa.getAddress();
        }
        return null;
    }

    private Authorities resolverFailure(Name zone, DnsOutcome failure) {
        return Authorities.none(zone, failure == DnsOutcome.TIMEOUT ? ReasonCode.NO_SERVERS_RESOLVER_TIMEOUT
                : ReasonCode.NO_SERVERS_RESOLVER_UNREACHABLE, NameServer.address(resolver));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
