package app.scimconsole.domains;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * NSD, the stock authoritative server from the distribution, run by a test as a child process on a free loopback
 * port with one zone. Everything it writes stays in the given directory and it keeps the user it was started as,
 * so it runs the same as root (CI) and as anyone else. A changed zone is published by restarting it.
 */
final class NsdServer implements AutoCloseable {
    /** Starting NSD takes a fraction of a second; a loaded CI machine can be far slower. */
    static final Duration STARTUP_LIMIT = Duration.ofSeconds(10);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    // Another process may take the free port between our look and NSD's bind; then NSD exits and we try another.
    private static final int PORT_ATTEMPTS = 5;

    private static final InetAddress LOOPBACK = ipv4Loopback();

    private final Path nsd;
    private final Path dir;
    private final Name origin;
    private int port;
    private Process process;

    private NsdServer(Path nsd, Path dir, Name origin) {
        this.nsd = nsd;
        this.dir = dir;
        this.origin = origin;
    }

    /** The {@code nsd} program, from PATH or /usr/sbin (where Debian puts it, often outside a user's PATH). */
    static Optional<Path> binary() {
        return program("nsd");
    }

    /** A system program (a daemon, often outside a user's PATH) by name, from PATH, /usr/sbin or /usr/local/sbin. */
    static Optional<Path> program(String name) {
        return program(name, System.getenv("PATH"));
    }

    /** The same, with {@code path} as the value of PATH (null when it is not set). */
    static Optional<Path> program(String name, String path) {
        List<Path> places = new ArrayList<>();
        if (path != null) {
            Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty()).map(Path::of)
                    .forEach(places::add);
        }
        places.add(Path.of("/usr/sbin"));
        places.add(Path.of("/usr/local/sbin"));
        return places.stream().map(p -> p.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** Starts NSD serving {@code zoneText} (a master file) for {@code origin}, and waits until it answers. */
    static NsdServer start(Path nsd, Path dir, String origin, String zoneText)
            throws IOException, InterruptedException {
        NsdServer server = new NsdServer(nsd, dir, Name.fromString(origin, Name.root));
        server.writeZone(zoneText);
        server.startOnSomeFreePort(freeLoopbackPort());
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(LOOPBACK, port);
    }

    /**
     * Serves {@code zoneText} instead, as a DNS provider does when the owner saves a record. Restarts NSD, on the
     * same port when it is still free, so use {@link #address()} afresh afterwards.
     */
    void publish(String zoneText) throws IOException, InterruptedException {
        stop();
        writeZone(zoneText);
        startOnSomeFreePort(port);
    }

    @Override
    public void close() {
        stop();
    }

    // ---- running the process ------------------------------------------------------------------------------------

    private void startOnSomeFreePort(int firstPort) throws IOException, InterruptedException {
        int candidate = firstPort;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            port = candidate;
            writeConfig();
            // NSD refuses to start while its pid file names a live process, and a just-stopped one may linger as
            // an unreaped zombie, which still counts.
            Files.deleteIfExists(pidFile());
            process = new ProcessBuilder(nsd.toString(), "-d", "-c", config().toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nsd.out").toFile()).start();
            if (awaitAnswers()) {
                return;
            }
            if (process.isAlive()) {
                stop();
                throw new IOException("NSD did not answer on port " + port + " within " + STARTUP_LIMIT.toSeconds()
                        + " seconds. " + output());
            }
            candidate = freeLoopbackPort();
        }
        throw new IOException("NSD could not start (tried " + PORT_ATTEMPTS + " ports). " + output());
    }

    /** True once NSD answers for its zone; false when it exits or the time limit passes first. */
    private boolean awaitAnswers() throws InterruptedException {
        return awaitSoa(address(), origin, process, Duration.ofMillis(250));
    }

    /**
     * True once the server at {@code address} answers NOERROR for {@code zone}'s SOA (asked with recursion, so a
     * resolver resolves it); false when {@code process} exits or {@link #STARTUP_LIMIT} passes first.
     */
    static boolean awaitSoa(InetSocketAddress address, Name zone, Process process, Duration perTry)
            throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        SimpleResolver probe = new SimpleResolver(address);
        probe.setTimeout(perTry);
        Message soaQuery = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (probe.send(soaQuery).getRcode() == Rcode.NOERROR) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet, or no answer in time: ask again.
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** A master file for {@code origin} at {@code serial}: its SOA (negative TTL 120 s), then {@code records}. */
    static String zoneText(String origin, long serial, String... records) {
        return String.join("\n", "$ORIGIN " + origin + ".", "$TTL 300",
                "@ 3600 IN SOA ns1." + origin + ". hostmaster." + origin + ". " + serial + " 3600 600 86400 120",
                String.join("\n", records), "");
    }

    /** Ends NSD and the processes it forked (it runs as several), gently first. */
    private void stop() {
        if (process == null) {
            return;
        }
        // Taken before the parent ends: afterwards its children no longer count as its descendants.
        List<ProcessHandle> forked = process.descendants().toList();
        process.destroy();
        forked.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            while (!forked.stream().allMatch(NsdServer::ended) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forked.stream().filter(p -> !ended(p)).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /**
     * Whether the process has exited. NSD's workers outlive their parent by a moment and are then left to init to
     * reap, which may take a second; Java counts such a zombie as alive, although it holds no port any more.
     */
    private static boolean ended(ProcessHandle p) {
        if (!p.isAlive()) {
            return true;
        }
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        try {
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            // No /proc (not Linux) or the process vanished meanwhile: trust isAlive.
            return !p.isAlive();
        }
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        for (String file : List.of("nsd.out", "nsd.log")) {
            Path p = dir.resolve(file);
            if (Files.exists(p)) {
                try {
                    out.append(file).append(":\n").append(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append(file).append(": unreadable (").append(e.getMessage()).append(")\n");
                }
            }
        }
        return out.length() == 0 ? "NSD wrote nothing." : out.toString();
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    private Path config() {
        return dir.resolve("nsd.conf");
    }

    private Path pidFile() {
        return dir.resolve("nsd.pid");
    }

    private Path zoneFile() {
        return dir.resolve("zone");
    }

    private void writeZone(String zoneText) throws IOException {
        Files.writeString(zoneFile(), zoneText, StandardCharsets.UTF_8);
    }

    // Every path NSD would otherwise take from /etc, /var or /run points into the test's directory; no user switch
    // (username ""), no database, no control socket: nothing needs root and nothing outside dir is touched.
    private void writeConfig() throws IOException {
        String d = dir.toAbsolutePath().toString();
        String conf = String.join("\n",
                "server:",
                "    ip-address: " + LOOPBACK.getHostAddress() + "@" + port,
                "    do-ip6: no",
                "    server-count: 1",
                "    username: \"\"",
                "    chroot: \"\"",
                "    zonesdir: \"" + d + "\"",
                "    database: \"\"",
                "    zonelistfile: \"" + d + "/zone.list\"",
                "    xfrdfile: \"" + d + "/xfrd.state\"",
                "    xfrdir: \"" + d + "\"",
                "    pidfile: \"" + pidFile().toAbsolutePath() + "\"",
                "    logfile: \"" + d + "/nsd.log\"",
                "    verbosity: 1",
                "remote-control:",
                "    control-enable: no",
                "zone:",
                "    name: \"" + origin.toString(true) + "\"",
                "    zonefile: \"" + zoneFile().toAbsolutePath() + "\"",
                "");
        Files.writeString(config(), conf, StandardCharsets.UTF_8);
    }

    /** A port that is free on loopback for both UDP and TCP right now. */
    static int freeLoopbackPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                    ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(LOOPBACK, udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException taken) {
                // The TCP side of that port is in use; draw another.
            }
        }
        throw new IOException("no loopback port is free for both UDP and TCP");
    }

    // The checker is given "127.0.0.1:port", so NSD listens there, whatever the JVM prefers for "localhost".
    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
