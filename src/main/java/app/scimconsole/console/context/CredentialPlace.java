package app.scimconsole.console.context;

import java.util.Objects;

/**
 * Where the console keeps the admin credential of a remote service, as data: in an operating system's credential
 * store, or in {@code console.json} (readable only by the owner) for a {@link Fallback} reason. The console's bundles
 * say it as a sentence ({@link #messageKey()}).
 */
public record CredentialPlace(CredentialStore.Kind store, Fallback fallback) {

    /** Why the credential is kept in {@code console.json}. */
    public enum Fallback {
        /** Linux and other Unix desktops: no Secret Service (nor KWallet) answers on the session's D-Bus. */
        NO_SECRET_SERVICE,
        /** An operating system for which the console knows no credential store. */
        NO_STORE_FOR_SYSTEM,
        /** The store is there but refused to keep the credential, or did not give back what it was given. */
        STORE_REFUSED,
        /** Turned off for this console with {@code -Dscimconsole.credentialStore=file}. */
        TURNED_OFF
    }

    public CredentialPlace {
        if ((store == null) == (fallback == null)) {
            throw new IllegalArgumentException("Either a store or a fallback reason");
        }
    }

    public static CredentialPlace in(CredentialStore.Kind store) {
        return new CredentialPlace(Objects.requireNonNull(store), null);
    }

    public static CredentialPlace file(Fallback reason) {
        return new CredentialPlace(null, Objects.requireNonNull(reason));
    }

    public boolean inStore() {
        return store != null;
    }

    /** The bundle key of the sentence that tells it. */
    public String messageKey() {
        return inStore() ? "credential.place." + store.name() : "credential.fallback." + fallback.name();
    }

    /** A stable code for logs and tests: the store's kind, or {@code FILE:<reason>}. */
    public String code() {
        return inStore() ? store.name() : "FILE:" + fallback.name();
    }
}
