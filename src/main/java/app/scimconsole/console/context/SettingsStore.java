package app.scimconsole.console.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Keeps {@link ConsoleSettings} in {@code console.json} in the data folder. Reads once at start (off the FX thread);
 * every change is written in the background by one writer thread, in order, atomically, readable by the owner
 * only (it can hold the admin credential of a remote service).
 */
public final class SettingsStore implements AutoCloseable {
    public static final String FILE = "console.json";
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-settings");
        t.setDaemon(true);
        return t;
    });
    private volatile ConsoleSettings current;

    private SettingsStore(Path file, ConsoleSettings current) {
        this.file = file;
        this.current = current;
    }

    /** Reads the settings in {@code folder}; a missing or unreadable file gives the defaults (logged, not fatal). */
    public static SettingsStore open(Path folder) {
        Path file = folder.resolve(FILE);
        ConsoleSettings loaded = ConsoleSettings.defaults();
        if (Files.exists(file)) {
            try {
                loaded = JSON.readValue(file.toFile(), ConsoleSettings.class);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Ignoring unreadable " + file + ": " + e.getMessage());
            }
        }
        return new SettingsStore(file, loaded);
    }

    public ConsoleSettings current() {
        return current;
    }

    /** Applies a change now and writes it in the background. */
    public synchronized ConsoleSettings update(UnaryOperator<ConsoleSettings> change) {
        ConsoleSettings next = change.apply(current);
        current = next;
        if (writer.isShutdown()) {
            write(next); // after close (late window events): write at once
        } else {
            writer.execute(() -> write(next));
        }
        return next;
    }

    /** Waits until every change so far is on disk. */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Settings were not written in time: " + e);
        }
    }

    private void write(ConsoleSettings s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the per-user AppData folder is private already.
            }
            JSON.writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save console settings to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }
}
