package app.scimconsole.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the service's threads spent, by thread name prefix, between two snapshots. On a machine others load,
 * the CPU a request costs is a steadier figure than requests per second: waiting for a core or a disk costs none.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanosById = new HashMap<>();
    private final Map<Long, String> nameById = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu now() {
        ThreadCpu snapshot = new ThreadCpu();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    snapshot.nanosById.put(info.getThreadId(), nanos);
                    snapshot.nameById.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return snapshot;
    }

    /** Milliseconds of CPU the threads whose names start with {@code prefix} spent since {@code before}. */
    double millisSince(ThreadCpu before, String prefix) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : nanosById.entrySet()) {
            if (nameById.get(e.getKey()).startsWith(prefix)) {
                sum += e.getValue() - before.nanosById.getOrDefault(e.getKey(), 0L);
            }
        }
        return sum / 1e6;
    }
}
