package app.scimconsole.domains;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The name servers one source lists for a zone: their host names, and the addresses it gave with them (glue).
 *
 * @param glue addresses per host, from the additional section; a host without glue is looked up on its own
 */
record NsSet(Set<Name> hosts, Map<Name, List<InetAddress>> glue) {
    static final NsSet UNKNOWN = new NsSet(Set.of(), Map.of());

    NsSet {
        hosts = Collections.unmodifiableSet(new LinkedHashSet<>(hosts)); // in the order the source lists them
        Map<Name, List<InetAddress>> copy = new LinkedHashMap<>();
        glue.forEach((host, addresses) -> copy.put(host, List.copyOf(addresses)));
        glue = Collections.unmodifiableMap(copy);
    }

    /**
     * The NS records of {@code zone} in a response's sections (the answer of a zone's own server or resolver, the
     * authority section of a parent's referral), and the addresses beside them.
     */
    static NsSet read(Message response, Name zone, int... sections) {
        Set<Name> hosts = new LinkedHashSet<>();
        for (int section : sections) {
            for (Record r : response.getSection(section)) {
                if (r instanceof NSRecord ns && r.getName().equals(zone)) {
                    hosts.add(ns.getTarget());
                }
            }
        }
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        for (Record r : response.getSection(Section.ADDITIONAL)) {
            InetAddress address = addressOf(r);
            if (address != null && hosts.contains(r.getName())) {
                glue.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(address);
            }
        }
        return new NsSet(hosts, glue);
    }

    /** Both sets' hosts, and every address either gave. */
    NsSet union(NsSet other) {
        Set<Name> all = new LinkedHashSet<>(hosts);
        all.addAll(other.hosts);
        Map<Name, List<InetAddress>> addresses = new LinkedHashMap<>();
        for (NsSet s : List.of(this, other)) {
            s.glue.forEach((host, list) -> list.forEach(a -> {
                List<InetAddress> known = addresses.computeIfAbsent(host, h -> new ArrayList<>());
                if (!known.contains(a)) {
                    known.add(a);
                }
            }));
        }
        return new NsSet(all, addresses);
    }

    boolean isEmpty() {
        return hosts.isEmpty();
    }

    static InetAddress addressOf(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress();
        }
        if (r instanceof AAAARecord aaaa) {
            return aaaa.getAddress();
        }
        return null;
    }
}
