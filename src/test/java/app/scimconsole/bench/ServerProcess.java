package app.scimconsole.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A SCIM server running in a process of its own (ours from the built jar, the peer on Node), with what the comparison
 * reads of it: its Users endpoint and bearer token, and from /proc its resident memory and CPU time.
 */
record ServerProcess(String name, Process process, String usersUrl, String token) implements AutoCloseable {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** Resident set size now (VmRSS), in MB. */
    double rssMb() throws IOException {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** The most resident memory the process had (VmHWM), in MB. */
    double peakRssMb() throws IOException {
        return statusKb("VmHWM:") / 1024.0;
    }

    /** User plus system CPU time of the process (all its threads), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    /**
     * User plus system CPU time of the process's threads whose names start with {@code threadPrefix} (Jetty's request
     * threads, say), in seconds; a thread that has ended no longer counts.
     */
    double cpuSeconds(String threadPrefix) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith(threadPrefix)) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks / (double) TICKS_PER_SECOND;
    }

    /**
     * The context switches of all the process's threads so far (voluntary and not, from each thread's status): each
     * time a thread waits for another and is woken counts, so per request it shows hand-offs between threads whatever
     * the machine's load (threads that have ended are not counted).
     */
    long contextSwitches() throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    sum += Files.readAllLines(task.resolve("status")).stream()
                            .filter(l -> l.startsWith("voluntary_ctxt_switches:")
                                    || l.startsWith("nonvoluntary_ctxt_switches:"))
                            .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return sum;
    }

    private long statusKb(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(l -> l.startsWith(key)).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow();
    }

    /** Waits until the Users endpoint answers 200 with this token, or fails with the process's log. */
    ServerProcess awaitReady(Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(usersUrl + "?count=1"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException(name + " did not answer on " + usersUrl + "; its output:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
