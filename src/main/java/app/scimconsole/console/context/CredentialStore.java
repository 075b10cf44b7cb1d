package app.scimconsole.console.context;

import java.io.IOException;
import java.util.Optional;

/**
 * An operating system's credential store, holding the admin credential of a remote service under an account name.
 * Every call may block (D-Bus, Keychain, Credential Manager): call it off the FX thread. A secret never appears in
 * an exception's message.
 */
public interface CredentialStore {

    /** Which store it is; each has its sentence in the console's bundles ({@code credential.place.<KIND>}). */
    enum Kind { SECRET_SERVICE, KWALLET, KEYCHAIN, WINDOWS_CREDENTIAL_MANAGER }

    Kind kind();

    /** The secret kept for {@code account}, or empty when there is none. */
    Optional<String> read(String account) throws IOException;

    /** Keeps {@code secret} for {@code account}, replacing what was there. */
    void write(String account, String secret) throws IOException;
}
