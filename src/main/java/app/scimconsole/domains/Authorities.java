package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The zone a domain lives in and the servers to ask about it.
 *
 * @param zone        the zone apex (owner of the SOA record), or null if it could not be determined
 * @param problem     why no servers were found (a {@code NO_SERVERS_…} code); null when {@code servers} is not empty
 * @param problemArgs the problem's arguments after the domain, which the code takes first
 * @param warnings    what was noticed while finding the servers and is worth a warning whatever the record says: a
 *                    listed name server without any address, a parent whose delegation could not be read
 */
record Authorities(Name zone, List<NameServer> servers, ReasonCode problem, List<String> problemArgs,
        List<Diagnosis> warnings) {
    Authorities {
        servers = List.copyOf(servers);
        problemArgs = List.copyOf(problemArgs);
        warnings = List.copyOf(warnings);
    }

    static Authorities found(Name zone, List<NameServer> servers) {
        return new Authorities(zone, servers, null, List.of(), List.of());
    }

    static Authorities none(Name zone, ReasonCode problem, String... args) {
        return new Authorities(zone, List.of(), problem, List.of(args), List.of());
    }

    /** The same, with {@code more} warnings after its own. */
    Authorities warning(List<Diagnosis> more) {
        List<Diagnosis> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Authorities(zone, servers, problem, problemArgs, all);
    }
}
