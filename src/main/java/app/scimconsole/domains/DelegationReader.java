package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads a zone's delegation from its parent: the NS set that the parent zone's servers hand out in their referral.
 * That is what the registrar has on file and where resolvers start, and it can differ from the zone's own NS
 * records: a server that only the parent still lists is asked by resolvers all the same (RFC 1034 §4.2.2; RFC 2181
 * §5.4.1 ranks the child's own NS records higher, which is why both lists are read, not one instead of the other).
 */
final class DelegationReader {
    /** A parent's servers all serve the same zone; the first few are enough, and the others would only add time. */
    static final int PARENT_SERVERS_ASKED = 3;

    /**
     * The parent's NS set, empty when it could not be read.
     *
     * @param problem why the delegation could not be checked (a warning), or that the parent denies the zone exists
     *                ({@link Diagnosis.Kind#NOT_DELEGATED}); null when it was read or needs no reading
     */
    record Delegation(NsSet ns, Diagnosis problem) {
        static final Delegation NOT_NEEDED = new Delegation(NsSet.UNKNOWN, null);

        List<Diagnosis> warnings() {
            return problem == null ? List.of() : List.of(problem);
        }
    }

    /** What one parent server said: the zone's NS set (empty if none), and whether it denies the zone exists. */
    private record ParentAnswer(NsSet ns, boolean deniesZone) {
        static final ParentAnswer NONE = new ParentAnswer(NsSet.UNKNOWN, false);
    }

    private final DnsQuery query;
    private final AuthorityFinder finder;

    DelegationReader(DnsQuery query, AuthorityFinder finder) {
        this.query = query;
        this.finder = finder;
    }

    /** The parent's NS set for {@code zone}, or why it could not be read. */
    CompletableFuture<Delegation> read(Name zone) {
        if (zone.labels() <= 2) {
            // A top-level zone's parent is the root; the domains verified here are never top-level zones.
            return CompletableFuture.completedFuture(Delegation.NOT_NEEDED);
        }
        Name parent = new Name(zone, 1);
        return finder.zoneOf(parent, parent)
                .thenCompose(p -> p.zone() == null ? CompletableFuture.completedFuture(p) : finder.ownServers(p.zone()))
                .thenCompose(parentServers -> parentServers.servers().isEmpty()
                        ? CompletableFuture.completedFuture(unread(DomainReason.of(
                                ReasonCode.DELEGATION_PARENT_UNKNOWN_PROBLEM, text(zone), text(parent)), zone))
                        : ask(parentServers, zone));
    }

    private CompletableFuture<Delegation> ask(Authorities parent, Name zone) {
        List<NameServer> asked = parent.servers().stream().limit(PARENT_SERVERS_ASKED).toList();
        List<CompletableFuture<ParentAnswer>> answers = asked.stream()
                .map(s -> query.send(s.endpoint(), zone, Type.NS, false).thenApply(ex -> ex.response() == null
                        ? ParentAnswer.NONE
                        // A referral carries the NS set in its authority section; a parent that also serves the
                        // zone itself answers with the zone's own set, so the answer section counts too.
                        : new ParentAnswer(NsSet.read(ex.response(), zone, Section.AUTHORITY, Section.ANSWER),
                                ex.response().getRcode() == Rcode.NXDOMAIN
                                        && ex.response().getHeader().getFlag(Flags.AA))))
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<ParentAnswer> said = answers.stream().map(CompletableFuture::join).toList();
            NsSet all = said.stream().map(ParentAnswer::ns).reduce(NsSet.UNKNOWN, NsSet::union);
            if (!all.isEmpty()) {
                // One parent server that still delegates is enough: the others may be behind, in either direction.
                return new Delegation(all, null);
            }
            Name parentZone = parent.zone() == null ? new Name(zone, 1) : parent.zone();
            List<String> denying = new ArrayList<>();
            for (int i = 0; i < said.size(); i++) {
                if (said.get(i).deniesZone()) {
                    denying.add(asked.get(i).name());
                }
            }
            if (!denying.isEmpty()) {
                return notDelegated(zone, parentZone, String.join(", ", denying));
            }
            // Down, refusing, failing, or answering without the zone's NS set: each says nothing of the delegation.
            String servers = asked.stream().map(NameServer::name).collect(Collectors.joining(", "));
            return unread(DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_PROBLEM, text(zone), text(parentZone),
                    servers), zone);
        });
    }

    /**
     * The parent's own servers say, with authority, that the zone does not exist: nobody who starts from the root can
     * reach the zone's servers, which this check found only because the resolver still remembers them.
     */
    private static Delegation notDelegated(Name zone, Name parentZone, String denying) {
        return new Delegation(NsSet.UNKNOWN, new Diagnosis(Diagnosis.Kind.NOT_DELEGATED,
                DomainReason.of(ReasonCode.NOT_DELEGATED_PROBLEM, text(zone), text(parentZone), denying),
                DomainReason.of(ReasonCode.NOT_DELEGATED_FIX, text(zone))));
    }

    private static Delegation unread(DomainReason problem, Name zone) {
        return new Delegation(NsSet.UNKNOWN, new Diagnosis(Diagnosis.Kind.DELEGATION_UNCHECKED, problem,
                DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_FIX, text(zone))));
    }

    private static String text(Name name) {
        return name.toString(true);
    }
}
