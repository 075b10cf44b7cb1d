package app.scimconsole.cli;

import app.scimconsole.domains.DomainReason;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A DNS server of a check as a script wants it: its host name (when the zone lists it by name) and its address, read
 * from the arguments of the server's reason, which carry exactly these.
 */
record ServerIdentity(String name, String address) {

    static ServerIdentity of(DomainReason server) {
        List<String> args = server.args();
        return switch (server.code()) {
            case SERVER_NAMED -> new ServerIdentity(args.get(0), args.get(1));
            case SERVER_RESOLVER, SERVER_GIVEN -> new ServerIdentity(null, args.get(0));
            default -> new ServerIdentity(null, null);
        };
    }

    /** {@code "name"} and {@code "address"}, each null where the server has none (a zone file has neither). */
    void put(ObjectNode row) {
        row.put("name", name).put("address", address);
    }
}
