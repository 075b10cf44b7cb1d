package app.scimconsole.console.context;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** For tests: a credential store in memory. A forgetful one accepts a credential and gives nothing back. */
public final class MemoryCredentialStore implements CredentialStore {
    private final boolean keeps;
    private final Map<String, String> held = new HashMap<>();

    public MemoryCredentialStore(boolean keeps) {
        this.keeps = keeps;
    }

    @Override
    public Kind kind() {
        return Kind.SECRET_SERVICE;
    }

    @Override
    public synchronized Optional<String> read(String account) {
        return Optional.ofNullable(held.get(account));
    }

    @Override
    public synchronized void write(String account, String secret) {
        if (keeps) {
            held.put(account, secret);
        }
    }
}
