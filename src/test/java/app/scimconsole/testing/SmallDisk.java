package app.scimconsole.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (a tmpfs) mounted for a test that needs a disk that fills up. Mounting needs root or
 * CAP_SYS_ADMIN, as CI has; where it cannot, the test is skipped with the reason (a JUnit assumption).
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code mebibytes} at a new folder {@code under/disk}, or skips the test. */
    public static SmallDisk mount(Path under, int mebibytes) throws IOException, InterruptedException {
        Path point = Files.createDirectory(under.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", point.toString()) == 0,
                "this machine cannot mount a tmpfs (needs root or CAP_SYS_ADMIN); the full disk is not tried here");
        return new SmallDisk(point);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes {@code filler} until the file system has no byte left. */
    public static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on device: that is the point
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
