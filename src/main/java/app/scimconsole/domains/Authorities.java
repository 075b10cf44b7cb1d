package app.scimconsole.domains;

import java.util.List;
import org.xbill.DNS.Name;

/**
 * The zone a domain lives in and the servers to ask about it.
 *
 * @param zone    the zone apex (owner of the SOA record), or null if it could not be determined
 * @param problem why no servers were found, in plain words; null when {@code servers} is not empty
 */
record Authorities(Name zone, List<NameServer> servers, String problem) {
    Authorities {
        servers = List.copyOf(servers);
    }

    static Authorities none(Name zone, String problem) {
        return new Authorities(zone, List.of(), problem);
    }
}
