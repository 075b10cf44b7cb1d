package app.scimconsole.domains;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * Unbound, the stock recursive resolver from the distribution, run by a test as a child process on a free loopback
 * port: the resolver a user's computer asks. It knows no root: each zone of the test's hierarchy is a stub zone
 * pointing at the server that serves it (a stub zone is Unbound's way to resolve a zone from given authoritative
 * servers), so it resolves, caches and follows CNAMEs through real authoritative servers as it would on the
 * internet. Everything it writes stays in the given directory; no user switch, no chroot, no control socket.
 */
final class UnboundServer implements AutoCloseable {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

    private final Process process;
    private final int port;

    private UnboundServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code unbound} program, from PATH or /usr/sbin (where Debian puts it). */
    static Optional<Path> binary() {
        return NsdServer.program("unbound");
    }

    /**
     * Starts Unbound with one stub zone per entry of {@code stubs} (zone name → the server that serves it), and
     * waits until it resolves {@code probeZone}'s SOA.
     */
    static UnboundServer start(Path unbound, Path dir, Map<String, InetSocketAddress> stubs, String probeZone)
            throws IOException, InterruptedException {
        int port = NsdServer.freeLoopbackPort();
        Path config = dir.resolve("unbound.conf");
        Files.writeString(config, config(dir, port, stubs), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(unbound.toString(), "-d", "-c", config.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("unbound.out").toFile()).start();
        UnboundServer server = new UnboundServer(p, port);
        if (!server.awaitAnswers(Name.fromString(probeZone, Name.root))) {
            server.close();
            throw new IOException("Unbound did not resolve " + probeZone + " within "
                    + NsdServer.STARTUP_LIMIT.toSeconds() + " seconds. "
                    + Files.readString(dir.resolve("unbound.out"), StandardCharsets.UTF_8));
        }
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    // Every path Unbound would otherwise take from /etc, /var or /run points into the test's directory. Queries to
    // loopback are allowed (Unbound refuses them by default), no DNSSEC validation (the test zones are unsigned and
    // there is no root to anchor a trust chain), and IPv4 only, as the servers listen on 127.0.0.1.
    private static String config(Path dir, int port, Map<String, InetSocketAddress> stubs) {
        String d = dir.toAbsolutePath().toString();
        List<String> lines = new ArrayList<>(List.of(
                "server:",
                "    interface: 127.0.0.1@" + port,
                "    port: " + port,
                "    do-daemonize: no",
                "    do-ip6: no",
                "    num-threads: 1",
                "    username: \"\"",
                "    chroot: \"\"",
                "    directory: \"" + d + "\"",
                "    pidfile: \"" + d + "/unbound.pid\"",
                "    use-syslog: no",
                "    logfile: \"\"",
                "    verbosity: 1",
                "    access-control: 127.0.0.0/8 allow",
                "    do-not-query-localhost: no",
                "    module-config: \"iterator\"",
                "remote-control:",
                "    control-enable: no"));
        stubs.forEach((zone, server) -> lines.addAll(List.of(
                "stub-zone:",
                "    name: \"" + zone + ".\"",
                "    stub-addr: " + server.getAddress().getHostAddress() + "@" + server.getPort())));
        return String.join("\n", lines) + "\n";
    }

    /** True once Unbound resolves the zone's SOA; false when it exits or the time limit passes first. */
    private boolean awaitAnswers(Name zone) throws InterruptedException {
        return NsdServer.awaitSoa(address(), zone, process, Duration.ofMillis(500));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
