package app.scimconsole.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.xbill.DNS.Message;
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

    /**
     * The domain's zone and the servers to ask about it: those the zone's own NS records list and those the parent
     * zone's delegation lists, each with its {@link ServerRole role} saying which of the two lists it is on.
     */
    CompletableFuture<Authorities> find(DomainName domain) {
        Name name = domain.toDnsName();
        return zoneOf(name, name).thenCompose(found -> {
            if (found.zone() == null) {
                return done(found);
            }
            CompletableFuture<DelegationReader.Delegation> delegation =
                    new DelegationReader(query, this).read(found.zone());
            // Whatever the parent says (or fails to say), the zone's own NS set is asked: the check never waits on
            // the parent's delegation, it only adds to it.
            return listedBy(found.zone()).thenCombine(delegation, (own, parent) -> own.set() == null
                    ? done(own.failure())
                    : resolve(found.zone(), own.set(), parent.ns()).thenApply(a -> a.warning(parent.warnings())))
                    .thenCompose(f -> f);
        });
    }

    /** A zone's servers as its own NS records list them, all with the role {@link ServerRole#AUTHORITATIVE}. */
    CompletableFuture<Authorities> ownServers(Name zone) {
        return listedBy(zone).thenCompose(own -> own.set() == null ? done(own.failure())
                : resolve(zone, own.set(), NsSet.UNKNOWN));
    }

    /**
     * The servers of the zone that holds {@code alias}, a CNAME target, as that zone's own NS records list them. Asks
     * for the CNAME type while looking for the zone: a resolver does not follow an alias for that type, so a target
     * that is itself an alias, even one in a loop (on which a resolver fails), still shows the SOA of its own zone.
     */
    CompletableFuture<Authorities> aliasServers(Name alias) {
        return zoneOf(alias, alias, Type.CNAME)
                .thenCompose(found -> found.zone() == null ? done(found) : ownServers(found.zone()));
    }

    /** The zone apex, from the SOA in the answer (name is the apex) or in the authority section (name is below). */
    CompletableFuture<Authorities> zoneOf(Name domain, Name candidate) {
        return zoneOf(domain, candidate, Type.SOA);
    }

    private CompletableFuture<Authorities> zoneOf(Name domain, Name candidate, int type) {
        if (candidate.labels() <= 1) {
            return done(Authorities.none(null, ReasonCode.NO_SERVERS_NO_ZONE));
        }
        return query.send(resolver, candidate, type, true).thenCompose(ex -> {
            if (ex.response() == null) {
                return done(resolverFailure(null, ex.failure()));
            }
            Message response = ex.response();
            // A CNAME target that does not exist is still looked up in its zone: that zone's own servers must say so,
            // not a resolver's cache (which may hold a "not found" from before the owner published the name).
            if (response.getRcode() == Rcode.NXDOMAIN && candidate.equals(domain) && type != Type.CNAME) {
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
            return zoneOf(domain, new Name(candidate, 1), type);
        });
    }

    /** The zone's NS set as the resolver gives it, or why there is none. */
    private record Listed(NsSet set, Authorities failure) {
    }

    private CompletableFuture<Listed> listedBy(Name zone) {
        return query.send(resolver, zone, Type.NS, true).thenApply(ex -> ex.response() == null
                ? new Listed(null, resolverFailure(zone, ex.failure()))
                : new Listed(NsSet.read(ex.response(), zone, Section.ANSWER), null));
    }

    /**
     * The addresses of every host on either list. Where the parent's delegation could not be read, {@code parent}
     * is empty and every server is simply {@link ServerRole#AUTHORITATIVE}.
     */
    private CompletableFuture<Authorities> resolve(Name zone, NsSet own, NsSet parent) {
        NsSet all = own.union(parent);
        if (all.isEmpty()) {
            return done(Authorities.none(zone, ReasonCode.NO_SERVERS_NONE_LISTED, zone.toString(true)));
        }
        List<CompletableFuture<Host>> perHost = new ArrayList<>();
        for (Name host : all.hosts()) {
            ServerRole role = parent.isEmpty() || own.hosts().contains(host) && parent.hosts().contains(host)
                    ? ServerRole.AUTHORITATIVE
                    : own.hosts().contains(host) ? ServerRole.ZONE_ONLY : ServerRole.PARENT_ONLY;
            List<InetAddress> glue = all.glue().get(host);
            perHost.add(glue != null ? done(new Host(host, servers(host, glue, role), false)) : addresses(host, role));
        }
        return CompletableFuture.allOf(perHost.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Host> hosts = perHost.stream().map(CompletableFuture::join).toList();
            List<NameServer> servers = hosts.stream().flatMap(h -> h.servers().stream()).toList();
            if (servers.isEmpty()) {
                return Authorities.none(zone, ReasonCode.NO_SERVERS_NO_ADDRESSES,
                        String.join(", ", all.hosts().stream().map(h -> h.toString(true)).toList()));
            }
            List<Diagnosis> dangling = hosts.stream().filter(Host::withoutAddress)
                    .map(h -> withoutAddress(h.name(), zone)).toList();
            return Authorities.found(zone, servers).warning(dangling);
        });
    }

    /**
     * One listed host's servers (one per usable address).
     *
     * @param withoutAddress DNS says the host has no address at all (no A, no AAAA): a dangling NS record, which no
     *                       resolver can use. Not set when the lookup failed: that says nothing about the host.
     */
    private record Host(Name name, List<NameServer> servers, boolean withoutAddress) {
    }

    private CompletableFuture<Host> addresses(Name host, ServerRole role) {
        CompletableFuture<DnsExchange> v4 = query.send(resolver, host, Type.A, true);
        CompletableFuture<DnsExchange> v6 = useIpv6 ? query.send(resolver, host, Type.AAAA, true) : done(null);
        return v4.thenCombine(v6, (a, b) -> {
            List<InetAddress> found = new ArrayList<>(addressesIn(a));
            found.addAll(addressesIn(b));
            return new Host(host, servers(host, found, role), found.isEmpty() && isDefinite(a) && isDefinite(b));
        }).thenCompose(h -> h.withoutAddress() && !useIpv6
                // An IPv6-only host is not dangling, even where this computer cannot reach it: ask to tell them apart.
                ? query.send(resolver, host, Type.AAAA, true)
                        .thenApply(aaaa -> new Host(host, h.servers(), isDefinite(aaaa) && addressesIn(aaaa).isEmpty()))
                : done(h));
    }

    /** The addresses in an answer; none when there was no answer (or it was not asked). */
    private static List<InetAddress> addressesIn(DnsExchange ex) {
        List<InetAddress> found = new ArrayList<>();
        if (ex != null && ex.response() != null) {
            for (Record r : ex.response().getSection(Section.ANSWER)) {
                InetAddress address = NsSet.addressOf(r);
                if (address != null) {
                    found.add(address);
                }
            }
        }
        return found;
    }

    /** An answer that is the truth about the name: it exists or not. Not asked counts as definite (nothing to add). */
    private static boolean isDefinite(DnsExchange ex) {
        return ex == null || ex.response() != null
                && (ex.response().getRcode() == Rcode.NOERROR || ex.response().getRcode() == Rcode.NXDOMAIN);
    }

    private static Diagnosis withoutAddress(Name host, Name zone) {
        String name = host.toString(true);
        return new Diagnosis(Diagnosis.Kind.NAME_SERVER_WITHOUT_ADDRESS,
                DomainReason.of(ReasonCode.NS_NO_ADDRESS_PROBLEM, name, zone.toString(true)),
                DomainReason.of(ReasonCode.NS_NO_ADDRESS_FIX, name));
    }

    private List<NameServer> servers(Name host, List<InetAddress> addresses, ServerRole role) {
        return addresses.stream().distinct()
                .filter(a -> useIpv6 || a.getAddress().length == 4)
                .map(a -> NameServer.listed(host.toString(true), a, endpoint.apply(a), role)).toList();
    }

    private Authorities resolverFailure(Name zone, DnsOutcome failure) {
        return Authorities.none(zone, failure == DnsOutcome.TIMEOUT ? ReasonCode.NO_SERVERS_RESOLVER_TIMEOUT
                : ReasonCode.NO_SERVERS_RESOLVER_UNREACHABLE, NameServer.address(resolver));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
