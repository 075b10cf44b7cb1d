package app.scimconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU time a local PostgreSQL server's processes have spent (its postmaster, every backend and background process
 * alive, and those that ended: the postmaster's children's times), read from {@code /proc} (Linux). A create's cost in
 * the database is then a difference of two readings divided by the creates between them, whatever the machine's load.
 */
final class PostgresServerCpu {
    /** Clock ticks a second in {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private final long postmaster;

    private PostgresServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server {@code c} is connected to: its postmaster is the parent of this connection's backend. */
    static PostgresServerCpu of(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new PostgresServerCpu(Long.parseLong(stat(rs.getLong(1))[3]));
        }
    }

    /** Seconds of CPU the server has spent so far, user and system. */
    double seconds() throws Exception {
        String[] own = stat(postmaster);
        long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
                + Long.parseLong(own[16]);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f;
                try {
                    f = stat(Long.parseLong(p.getFileName().toString()));
                } catch (java.io.IOException ended) {
                    continue;
                }
                if (Long.parseLong(f[3]) == postmaster) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        }
        return ticks / TICKS;
    }

    /** The fields of {@code /proc/<pid>/stat}, numbered from 0, the command name (which may hold spaces) as one. */
    private static String[] stat(long pid) throws java.io.IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String afterName = line.substring(line.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = Long.toString(pid);
        fields[1] = "(name)";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }
}
