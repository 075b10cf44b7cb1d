package app.scimconsole.domains;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Checks whether a domain's challenge record is published, by asking DNS directly and right now.
 *
 * <p>Normally it finds the zone's authoritative name servers and asks each of them (no resolver cache in between,
 * so a record is seen as soon as it is published), and also asks this computer's resolver to show what the local
 * network sees. With {@link #usingServer(InetSocketAddress)} every query goes to one given server, which is then
 * the only authority — for internal DNS and for tests. All queries of a check run in parallel, each with a short
 * time limit. Instances are immutable and thread-safe.
 */
public final class DnsChecker {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final InetSocketAddress resolver;
    private final InetSocketAddress onlyServer;
    private final Function<InetAddress, InetSocketAddress> endpoint;
    private final boolean useIpv6;
    private final Duration timeout;
    private final Clock clock;

    private DnsChecker(InetSocketAddress resolver, InetSocketAddress onlyServer,
            Function<InetAddress, InetSocketAddress> endpoint, boolean useIpv6, Duration timeout, Clock clock) {
        this.resolver = resolver;
        this.onlyServer = onlyServer;
        this.endpoint = endpoint;
        this.useIpv6 = useIpv6;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Finds the authoritative servers through this computer's configured resolver, and asks them on port 53. */
    public static DnsChecker usingSystemResolver() {
        return usingResolver(ResolverConfig.getCurrentConfig().server(), ip -> new InetSocketAddress(ip, 53));
    }

    /**
     * Finds the authoritative servers through {@code resolver}, and sends each server's queries to
     * {@code endpoint.apply(its address)}. Lets tests play several authorities on loopback.
     */
    public static DnsChecker usingResolver(InetSocketAddress resolver,
            Function<InetAddress, InetSocketAddress> endpoint) {
        return new DnsChecker(resolver, null, endpoint, hasGlobalIpv6(), DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** Sends every query to {@code server} and treats its answers as the only authority ({@code --dns-server}). */
    public static DnsChecker usingServer(InetSocketAddress server) {
        return new DnsChecker(server, server, null, false, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** Like {@link #usingServer(InetSocketAddress)}, reading {@code HOST:PORT}; see {@link DnsServerAddress}. */
    public static DnsChecker usingServer(String hostPort) {
        return usingServer(DnsServerAddress.parse(hostPort));
    }

    /** The time limit for each single query. */
    public DnsChecker withTimeout(Duration perQuery) {
        return new DnsChecker(resolver, onlyServer, endpoint, useIpv6, perQuery, clock);
    }

    public DnsChecker withClock(Clock newClock) {
        return new DnsChecker(resolver, onlyServer, endpoint, useIpv6, timeout, newClock);
    }

    /** Whether servers are also asked on their IPv6 addresses (default: when this computer has global IPv6). */
    public DnsChecker withIpv6(boolean ipv6) {
        return new DnsChecker(resolver, onlyServer, endpoint, ipv6, timeout, clock);
    }

    /** Checks now and waits for the result (a few seconds at most). */
    public VerificationResult check(Challenge challenge) {
        return checkAsync(challenge).join();
    }

    /** Checks without blocking the caller, for a user interface. The future always completes normally. */
    public CompletableFuture<VerificationResult> checkAsync(Challenge challenge) {
        DnsQuery query = new DnsQuery(timeout);
        return findAuthorities(query, challenge.domain()).thenCompose(authorities -> {
            if (authorities.servers().isEmpty()) {
                return CompletableFuture.completedFuture(
                        Verdict.noServers(challenge, authorities, clock.instant()));
            }
            ProbeNames names = ProbeNames.of(challenge, authorities.zone());
            List<CompletableFuture<SourceEvidence>> asked = new ArrayList<>();
            for (NameServer server : authorities.servers()) {
                asked.add(ask(query, server, null, names.all(), authorities.zone()));
            }
            if (onlyServer == null) {
                asked.add(ask(query, NameServer.resolver(resolver), null, List.of(names.challenge()), null));
            }
            return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenCompose(v -> {
                List<SourceEvidence> sources = asked.stream().map(CompletableFuture::join).toList();
                Name alias = CnameChain.nextAlias(sources, names.challenge());
                if (alias == null) {
                    return CompletableFuture.completedFuture(new Verdict(challenge, names, sources, clock.instant(),
                            timeout).warning(authorities.warnings()).judge());
                }
                return new CnameChain(target -> aliasServers(query, target),
                        (server, target, zone) -> ask(query, server, target, List.of(target), zone))
                        .follow(names.challenge(), alias).thenApply(chain -> {
                            List<SourceEvidence> all = new ArrayList<>(sources);
                            all.addAll(chain.evidence());
                            return new Verdict(challenge, names, all, clock.instant(), timeout).following(chain)
                                    .warning(authorities.warnings()).judge();
                        });
            });
        });
    }

    private CompletableFuture<Authorities> findAuthorities(DnsQuery query, DomainName domain) {
        if (onlyServer == null) {
            return new AuthorityFinder(query, resolver, endpoint, useIpv6).find(domain);
        }
        return onlyServer(query, domain.toDnsName());
    }

    /** The servers to ask about a CNAME target: its own zone's, or the one configured server. */
    private CompletableFuture<Authorities> aliasServers(DnsQuery query, Name target) {
        if (onlyServer == null) {
            return new AuthorityFinder(query, resolver, endpoint, useIpv6).aliasServers(target);
        }
        return onlyServer(query, target);
    }

    private CompletableFuture<Authorities> onlyServer(DnsQuery query, Name name) {
        // The zone apex is still worth knowing (for the doubled-name probe); the server stays the authority anyway.
        NameServer only = NameServer.given(onlyServer);
        return new AuthorityFinder(query, onlyServer, ip -> onlyServer, false).zoneOf(name, name)
                .thenApply(found -> Authorities.found(found.zone(), List.of(only)));
    }

    /** @param target the CNAME target asked about, or null when the names are the challenge and its probes */
    private static CompletableFuture<SourceEvidence> ask(DnsQuery query, NameServer server, Name target,
            List<Name> names, Name zone) {
        // A resolver (or a --dns-server that may be one) needs recursion; a real authority must answer from its data.
        boolean recursive = !server.role().mustBeAuthoritative();
        Map<Name, CompletableFuture<TxtAnswer>> answers = new LinkedHashMap<>();
        for (Name name : names) {
            answers.put(name, query.send(server.endpoint(), name, Type.TXT, recursive)
                    .thenApply(ex -> TxtAnswer.of(ex, name)));
        }
        CompletableFuture<Long> serial = zone == null ? CompletableFuture.completedFuture(null)
                : query.send(server.endpoint(), zone, Type.SOA, recursive).thenApply(DnsChecker::serialOf);
        List<CompletableFuture<?>> all = new ArrayList<>(answers.values());
        all.add(serial);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<Name, TxtAnswer> done = new LinkedHashMap<>();
            answers.forEach((name, f) -> done.put(name, f.join()));
            return new SourceEvidence(server.label(), server.name(), server.host(), server.role(), target, zone,
                    done, serial.join());
        });
    }

    private static Long serialOf(DnsExchange ex) {
        if (ex.response() == null) {
            return null;
        }
        return ex.response().getSection(Section.ANSWER).stream().filter(SOARecord.class::isInstance)
                .map(r -> ((SOARecord) r).getSerial()).findFirst().orElse(null);
    }

    private static boolean hasGlobalIpv6() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet6Address && !a.isLinkLocalAddress() && !a.isSiteLocalAddress()
                            && !a.isLoopbackAddress() && (a.getAddress()[0] & 0xfe) != 0xfc) {
                        return true;
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: assume no IPv6, which at worst skips servers we could not have reached anyway.
        }
        return false;
    }
}
