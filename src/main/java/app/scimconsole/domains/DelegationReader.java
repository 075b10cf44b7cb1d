package app.scimconsole.domains;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
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

    private final DnsQuery query;
    private final AuthorityFinder finder;

    DelegationReader(DnsQuery query, AuthorityFinder finder) {
        this.query = query;
        this.finder = finder;
    }

    /** The parent's NS set for {@code zone}; empty when it could not be read (a top-level zone, a silent parent). */
    CompletableFuture<NsSet> read(Name zone) {
        if (zone.labels() <= 2) {
            // A top-level zone's parent is the root; the domains verified here are never top-level zones.
            return CompletableFuture.completedFuture(NsSet.UNKNOWN);
        }
        Name parent = new Name(zone, 1);
        return finder.zoneOf(parent, parent)
                .thenCompose(p -> p.zone() == null ? CompletableFuture.completedFuture(p) : finder.ownServers(p.zone()))
                .thenCompose(parentServers -> ask(parentServers.servers(), zone));
    }

    private CompletableFuture<NsSet> ask(List<NameServer> parentServers, Name zone) {
        List<CompletableFuture<NsSet>> answers = parentServers.stream().limit(PARENT_SERVERS_ASKED)
                .map(s -> query.send(s.endpoint(), zone, Type.NS, false).thenApply(ex -> ex.response() == null
                        ? NsSet.UNKNOWN
                        // A referral carries the NS set in its authority section; a parent that also serves the
                        // zone itself answers with the zone's own set, so the answer section counts too.
                        : NsSet.read(ex.response(), zone, Section.AUTHORITY, Section.ANSWER)))
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> answers.stream()
                .map(CompletableFuture::join).reduce(NsSet.UNKNOWN, NsSet::union));
    }
}
