package app.scimconsole.console.context;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses where the admin credential of a remote service is kept: the operating system's credential store where
 * there is one, else {@code console.json} with the reason. Choosing blocks (it connects to the store): call it off
 * the FX thread.
 */
public final class CredentialStores {
    /** {@code -Dscimconsole.credentialStore=file} keeps the credential in {@code console.json} (the tests do). */
    public static final String PROPERTY = "scimconsole.credentialStore";

    private static final System.Logger LOG = System.getLogger(CredentialStores.class.getName());

    private CredentialStores() {
    }

    /** What was chosen: the store (null for the file) and where that puts the credential. */
    public record Selection(CredentialStore store, CredentialPlace place) {
        public static Selection file(CredentialPlace.Fallback reason) {
            return new Selection(null, CredentialPlace.file(reason));
        }

        public static Selection of(CredentialStore store) {
            return new Selection(store, CredentialPlace.in(store.kind()));
        }
    }

    /** Opens an operating system's store, or fails saying why not. */
    @FunctionalInterface
    public interface Opener {
        CredentialStore open() throws IOException;
    }

    /** This computer's choice: the property, then java-keyring's store for this operating system. */
    public static Selection forThisComputer() {
        if ("file".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip())) {
            return Selection.file(CredentialPlace.Fallback.TURNED_OFF);
        }
        return select(System.getProperty("os.name", ""), KeyringCredentialStore::open);
    }

    /** The store {@code opener} gives, else the file with the reason that fits {@code osName}. */
    public static Selection select(String osName, Opener opener) {
        try {
            return Selection.of(opener.open());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "No credential store on " + osName + ": " + e.getMessage());
            return Selection.file(reasonFor(osName));
        }
    }

    static CredentialPlace.Fallback reasonFor(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return CredentialPlace.Fallback.STORE_REFUSED; // both always have one: it did not answer
        }
        if (os.contains("linux") || os.contains("bsd") || os.contains("sunos")) {
            return CredentialPlace.Fallback.NO_SECRET_SERVICE;
        }
        return CredentialPlace.Fallback.NO_STORE_FOR_SYSTEM;
    }

    /** The account a data folder's credential is filed under: one per data folder, as {@code console.json} is. */
    public static String accountFor(Path dataFolder) {
        return "admin credential · " + dataFolder.toAbsolutePath().normalize();
    }
}
