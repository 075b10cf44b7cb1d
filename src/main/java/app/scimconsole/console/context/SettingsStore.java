package app.scimconsole.console.context;

import app.scimconsole.console.common.I18n;
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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps {@link ConsoleSettings} in {@code console.json} in the data folder. Reads once at start (off the FX thread);
 * every change is written in the background by one writer thread, in order, atomically, readable by the owner
 * only. The admin credential of a remote service goes to the operating system's credential store where there is
 * one ({@link #credentialPlace()}), and stays in the file only where there is none, with the reason.
 */
public final class SettingsStore implements AutoCloseable {
    public static final String FILE = "console.json";
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    /** Built on first use: a new user's console has no file to read, and Jackson's start is not free (issue 21). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-settings");
        t.setDaemon(true);
        return t;
    });
    private volatile ConsoleSettings current;
    private final Supplier<CredentialStores.Selection> selector;
    private final String account;
    private final Object selecting = new Object();
    /** Null until chosen (the first {@link #credentialPlace()}); becomes the file if the store refuses. */
    private volatile CredentialStores.Selection selection;
    /** The credential the store last gave back; only then is it left out of the file. Never logged. */
    private volatile String confirmedInStore;

    private SettingsStore(Path file, ConsoleSettings current, Supplier<CredentialStores.Selection> selector) {
        this.file = file;
        this.current = current;
        this.selector = selector;
        this.account = CredentialStores.accountFor(file.getParent());
    }

    /**
     * Reads the settings in {@code folder}; a missing or unreadable file gives the defaults (logged, not fatal). The
     * credential store is chosen later, off the FX thread, by {@link #credentialPlace()}.
     */
    public static SettingsStore open(Path folder) {
        return open(folder, CredentialStores::forThisComputer);
    }

    /** As {@link #open(Path)}, with the credential store that {@code selector} chooses. */
    public static SettingsStore open(Path folder, Supplier<CredentialStores.Selection> selector) {
        Path file = folder.resolve(FILE);
        ConsoleSettings loaded = ConsoleSettings.defaults();
        if (Files.exists(file)) {
            try {
                loaded = Json.MAPPER.readValue(file.toFile(), ConsoleSettings.class);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Ignoring unreadable " + file + ": " + e.getMessage());
            }
        }
        return new SettingsStore(file, loaded, selector);
    }

    /**
     * Where the admin credential is kept. The first call chooses the store and then either moves a clear-text
     * credential from {@code console.json} into it (removed from the file only once the store gave it back) or loads
     * the credential from it into {@link #current()}. Blocks: call it off the FX thread.
     */
    public CredentialPlace credentialPlace() {
        CredentialStores.Selection sel = select();
        if (sel.store() != null) {
            String held = current.connection().adminCredential();
            if (held == null) {
                Optional<String> kept = readFromStore(sel);
                kept.ifPresent(this::adoptStoredCredential);
            } else if (!held.equals(confirmedInStore)) {
                update(s -> s); // the writer keeps it in the store, then writes the file without it
                flush();
            }
        }
        return selection.place();
    }

    private CredentialStores.Selection select() {
        synchronized (selecting) {
            if (selection == null) {
                CredentialStores.Selection chosen = selector.get();
                selection = chosen;
                logPlace(Level.INFO, chosen.place(), "");
            }
            return selection;
        }
    }

    private Optional<String> readFromStore(CredentialStores.Selection sel) {
        try {
            Optional<String> kept = sel.store().read(account);
            kept.ifPresent(k -> confirmedInStore = k);
            return kept;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the admin credential from the credential store: " + e.getMessage());
            return Optional.empty();
        }
    }

    private synchronized void adoptStoredCredential(String kept) {
        if (current.connection().adminCredential() == null) {
            current = current.withConnection(current.connection().withAdminCredential(kept));
        }
    }

    /** The place as its code and its sentence, in English and in Japanese; never the credential. */
    private static void logPlace(Level level, CredentialPlace place, String detail) {
        LOG.log(level, "Admin credential of a remote service: " + place.code() + ". "
                + I18n.forLocale(Locale.ENGLISH).text(place.messageKey()) + detail + " / "
                + I18n.forLocale(Locale.JAPANESE).text(place.messageKey()));
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
        ConsoleSettings onDisk = s;
        String secret = s.connection().adminCredential();
        CredentialStores.Selection sel = selection;
        if (secret != null && sel != null && sel.store() != null) {
            if (!secret.equals(confirmedInStore)) {
                keepInStore(sel, secret);
            }
            if (secret.equals(confirmedInStore)) {
                onDisk = s.withConnection(s.connection().withAdminCredential(null));
            }
        }
        writeFile(onDisk);
    }

    /** Saves the credential in the store and reads it back; on any failure the file keeps it from now on. */
    private void keepInStore(CredentialStores.Selection sel, String secret) {
        try {
            sel.store().write(account, secret);
            if (!sel.store().read(account).map(secret::equals).orElse(false)) {
                throw new IOException("it did not give the credential back");
            }
            confirmedInStore = secret;
            LOG.log(Level.INFO, "The admin credential is now kept in the credential store (" + sel.store().kind() + ")");
        } catch (IOException | RuntimeException e) {
            CredentialStores.Selection fallback = CredentialStores.Selection.file(CredentialPlace.Fallback.STORE_REFUSED);
            selection = fallback;
            logPlace(Level.WARNING, fallback.place(), " (" + e.getMessage() + ")");
        }
    }

    private void writeFile(ConsoleSettings s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the per-user AppData folder is private already.
            }
            Json.MAPPER.writeValue(tmp.toFile(), s);
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
