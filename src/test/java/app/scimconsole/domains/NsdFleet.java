package app.scimconsole.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NSD servers one test starts, each reached at a pretend name-server address that the checker is routed to
 * ({@link #route}); closing the fleet stops them all.
 */
final class NsdFleet implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final List<NsdServer> started = new ArrayList<>();
    private final Map<InetAddress, InetSocketAddress> endpoints = new HashMap<>();

    NsdFleet(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
    }

    static String zone(String origin, long serial, String... records) {
        return NsdServer.zoneText(origin, serial, records);
    }

    /** One NSD serving {@code zoneText} for {@code origin}, reached at the pretend address {@code ip}. */
    InetSocketAddress serve(String ip, String origin, String zoneText) throws Exception {
        Path own = Files.createDirectory(dir.resolve("nsd" + started.size()));
        NsdServer server = NsdServer.start(binary, own, origin + ".", zoneText);
        started.add(server);
        endpoints.put(InetAddress.getByName(ip), server.address());
        return server.address();
    }

    /** Where the checker really reaches the server it was told is at {@code pretend}; null when none is. */
    InetSocketAddress route(InetAddress pretend) {
        return endpoints.get(pretend);
    }

    @Override
    public void close() {
        started.forEach(NsdServer::close);
    }
}
