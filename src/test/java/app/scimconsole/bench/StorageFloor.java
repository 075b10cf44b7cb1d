package app.scimconsole.bench;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.service.ActivityRecorder;
import app.scimconsole.service.Provisioning;
import app.scimconsole.service.ScimAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * What a create costs without HTTP (issue 21 item 5): the service's rules and its durable SQLite commit, called in
 * process, one create at a time on a fresh data folder, as the peer comparison's "creates c1, fresh store" sends them
 * (Entra-shaped bodies, a verified domain). Its rate is the most creates a second that any HTTP server in front of
 * this storage could answer at concurrency 1; the peer keeps nothing on disk. The CPU of the caller's thread (the
 * rules, preparing the rows) and of SQLite's writer thread (the statements, the log's writes and its fsync) are
 * printed apart, each with its user time alone.
 *
 * <p>{@code java -cp <test class path> app.scimconsole.bench.StorageFloor [warm-up s] [measured s] [rounds]}
 */
public final class StorageFloor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StorageFloor() {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("storage-floor");
            try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
                String tenant = directory.createTenant().id();
                ScimAccess.Caller caller = new ScimAccess.Caller(tenant, true, "192.0.2.1");
                Provisioning provisioning = new Provisioning(directory, (t, domain) -> true,
                        new ActivityRecorder(directory, Clock.systemUTC()));
                int[] next = {0};
                Runnable create = () -> {
                    int i = next[0]++;
                    try {
                        provisioning.create(caller, ResourceType.USER, JSON.readTree(
                                EntraShapes.createBody("floor-" + i + "@bench.example", "ext-" + i)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                };
                runFor(warmUp, create);
                long cpu0 = os.getProcessCpuTime();
                long[] caller0 = threadCpu(Thread.currentThread().getId());
                long[] writer0 = threadCpu(writerThread());
                int before = next[0];
                long t0 = System.nanoTime();
                runFor(seconds, create);
                long wall = System.nanoTime() - t0;
                int done = next[0] - before;
                long[] caller1 = threadCpu(Thread.currentThread().getId());
                long[] writer1 = threadCpu(writerThread());
                System.out.printf(Locale.ROOT, "round %d: %.0f creates/s at c1, %.0f µs a create, %.0f µs of process"
                        + " CPU a create; µs a create of the caller's thread %.0f (user %.0f), of the writer's %.0f"
                        + " (user %.0f) (load %s)%n", round, done / (wall / 1e9), wall / 1e3 / done,
                        (os.getProcessCpuTime() - cpu0) / 1e3 / done, (caller1[0] - caller0[0]) / 1e3 / done,
                        (caller1[1] - caller0[1]) / 1e3 / done, (writer1[0] - writer0[0]) / 1e3 / done,
                        (writer1[1] - writer0[1]) / 1e3 / done, Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
        System.exit(0);
    }

    /** The id of SQLite's writer thread (there is one per open directory; this program opens one at a time). */
    private static long writerThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("sqlite-writer"))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
    }

    /** A thread's CPU time and its user time alone, in nanoseconds (the rest is the kernel's: writes, fsync). */
    private static long[] threadCpu(long id) {
        return new long[] {THREADS.getThreadCpuTime(id), THREADS.getThreadUserTime(id)};
    }

    private static void runFor(int seconds, Runnable work) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            work.run();
        }
    }
}
