package app.scimconsole.bench;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.service.ActivityRecorder;
import app.scimconsole.service.Provisioning;
import app.scimconsole.service.ScimAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * What a create costs without HTTP (issue 21 item 5): the service's rules and its durable SQLite commit, called in
 * process, one create at a time on a fresh data folder, as the peer comparison's "creates c1, fresh store" sends them
 * (Entra-shaped bodies, a verified domain). Its rate is the most creates a second that any HTTP server in front of
 * this storage could answer at concurrency 1; the peer keeps nothing on disk.
 *
 * <p>{@code java -cp <test class path> app.scimconsole.bench.StorageFloor [warm-up s] [measured s] [rounds]}
 */
public final class StorageFloor {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                int before = next[0];
                long t0 = System.nanoTime();
                runFor(seconds, create);
                long wall = System.nanoTime() - t0;
                int done = next[0] - before;
                System.out.printf(Locale.ROOT, "round %d: %.0f creates/s at c1, %.0f µs a create, %.0f µs of process"
                        + " CPU a create (load %s)%n", round, done / (wall / 1e9), wall / 1e3 / done,
                        (os.getProcessCpuTime() - cpu0) / 1e3 / done, Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
        System.exit(0);
    }

    private static void runFor(int seconds, Runnable work) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            work.run();
        }
    }
}
