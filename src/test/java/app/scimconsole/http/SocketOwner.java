package app.scimconsole.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which of some processes holds a loopback TCP connection, from Linux's /proc: the socket whose local port is the
 * sender's (as the receiver saw it) and whose remote port is the receiver's, and the process with that socket open.
 * It tells a test which of two service instances is the one sending a delivery.
 */
final class SocketOwner {
    private SocketOwner() {
    }

    /** The one of {@code pids} that has the connection from {@code senderPort} to {@code receiverPort} open. */
    static long of(int senderPort, int receiverPort, List<Long> pids) throws IOException {
        String inode = inode(senderPort, receiverPort);
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                boolean has = fds.anyMatch(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]");
                    } catch (IOException e) {
                        return false; // closed meanwhile
                    }
                });
                if (has) {
                    return pid;
                }
            }
        }
        throw new AssertionError("no process of " + pids + " has the socket " + inode);
    }

    private static String inode(int senderPort, int receiverPort) throws IOException {
        String local = String.format(Locale.ROOT, ":%04X", senderPort);
        String remote = String.format(Locale.ROOT, ":%04X", receiverPort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                    return f[9];
                }
            }
        }
        throw new AssertionError("no connection from port " + senderPort + " to port " + receiverPort);
    }
}
