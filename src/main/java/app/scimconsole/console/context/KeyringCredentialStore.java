package app.scimconsole.console.context;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The operating system's credential store through java-keyring: the Secret Service (GNOME Keyring, KeePassXC, …)
 * or KWallet on Linux, the Keychain on macOS, the Credential Manager on Windows. Entries are filed under the
 * service name {@value #SERVICE}.
 */
public final class KeyringCredentialStore implements CredentialStore, AutoCloseable {
    public static final String SERVICE = "SCIM Console";
    private static final System.Logger LOG = System.getLogger(KeyringCredentialStore.class.getName());

    private final Keyring keyring;
    private final Kind kind;

    private KeyringCredentialStore(Keyring keyring, Kind kind) {
        this.keyring = keyring;
        this.kind = kind;
    }

    /** Connects to this computer's store; fails when there is none (on Linux: no Secret Service on the session bus). */
    public static CredentialStore open() throws IOException {
        try {
            Keyring keyring = Keyring.create();
            return new KeyringCredentialStore(keyring, switch (keyring.getKeyringStorageType()) {
                case GNOME_KEYRING -> Kind.SECRET_SERVICE;
                case KWALLET -> Kind.KWALLET;
                case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> Kind.KEYCHAIN;
                case WINDOWS_CREDENTIAL_STORE -> Kind.WINDOWS_CREDENTIAL_MANAGER;
            });
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new IOException("No credential store: " + e.getMessage(), e);
        }
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** Closes the connection to the store (its D-Bus connection on Linux). */
    @Override
    public synchronized void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Closing the credential store: " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<String> read(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException | RuntimeException e) {
            // The library tells "no such entry" and a failure alike; either way there is nothing to use.
            LOG.log(Level.DEBUG, "Nothing read from the credential store for " + account + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void write(String account, String secret) throws IOException {
        try {
            keyring.setPassword(SERVICE, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IOException("The credential store refused the credential: " + e.getMessage(), e);
        }
    }
}
