package app.scimconsole.console.context;

import in.pratanumandal.unique4j.Unique4j;
import in.pratanumandal.unique4j.Unique4jConfig;
import in.pratanumandal.unique4j.Unique4jLock;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One console per data folder. The first start holds a lock in the data folder (Unique4j: a file lock, released by
 * the operating system even when the process dies, and a listener on loopback whose port it writes beside the lock);
 * a later start finds the lock taken, shakes hands with the first over loopback, which then brings its window forward,
 * and opens nothing itself. Two consoles on one folder would race for the embedded service's port and show a
 * half-started state.
 */
public final class SingleInstance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());
    /** Both ends must name the same application; the data folder's lock makes it one per folder. */
    private static final String APP_ID = "app.scimconsole.console-2f6d1c";

    private final Unique4jLock lock;
    private final ExecutorService listener;
    private volatile Runnable onAnotherStart = () -> { };

    private SingleInstance(Path folder, ExecutorService listener, boolean[] first) throws IOException {
        this.listener = listener;
        Unique4jConfig config = Unique4jConfig.createDefault(APP_ID).lockFolder(folder.toFile())
                .executorService(listener)
                .exceptionHandler((server, client, e) -> LOG.log(Level.DEBUG, "A later start's handshake failed", e));
        this.lock = Unique4j.withConfig(config).newLock(other -> onAnotherStart.run(), firstOne -> { });
        first[0] = lock.tryLock();
    }

    /**
     * The data folder's lock, or empty when another console holds it: that console was told of this start (and
     * brings its window forward).
     */
    public static Optional<SingleInstance> claim(Path dataFolder) throws IOException {
        Path folder = dataFolder.resolve("console-instance");
        Files.createDirectories(folder);
        ExecutorService listener = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-instance");
            t.setDaemon(true); // never keeps the program alive after its window closed
            return t;
        });
        boolean[] first = new boolean[1];
        SingleInstance instance;
        try {
            instance = new SingleInstance(folder, listener, first);
        } catch (IOException | RuntimeException e) {
            listener.shutdownNow();
            throw e;
        }
        if (!first[0]) {
            listener.shutdownNow();
            return Optional.empty();
        }
        return Optional.of(instance);
    }

    /** What to do when a later start hands over (called on a background thread). */
    public void onAnotherStart(Runnable action) {
        this.onAnotherStart = action;
    }

    @Override
    public void close() {
        try {
            if (lock.isHeldByCurrentAppInstance()) {
                lock.unlock();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Releasing the console's lock: " + e);
        } finally {
            listener.shutdownNow();
        }
    }
}
