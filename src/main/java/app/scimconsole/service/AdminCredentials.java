package app.scimconsole.service;

import app.scimconsole.directory.Directory;

/**
 * Who may use the admin API: the embedded console's per-process credential (kept only as a digest in memory)
 * and credentials issued for remote consoles with {@code admin issue-credential} (kept only as digests in the
 * database). Compared in constant time, never logged.
 */
public final class AdminCredentials {
    private final Directory directory;
    private volatile byte[] ephemeralHash;

    public AdminCredentials(Directory directory) {
        this.directory = directory;
    }

    /** A new credential valid until this process ends; replaces the previous one. */
    public String issueEphemeral() {
        String credential = SecretTokens.generate();
        ephemeralHash = SecretTokens.hash(credential);
        return credential;
    }

    /** A new stored credential for a remote console. Shown once; only its digest is kept. */
    public String issue(String label) {
        String credential = SecretTokens.generate();
        directory.addAdminCredential(SecretTokens.hash(credential), label);
        return credential;
    }

    /** Revokes every stored credential; returns how many there were. */
    public int revokeAll() {
        return directory.removeAdminCredentials();
    }

    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] hash = SecretTokens.hash(presented);
        boolean ok = false;
        byte[] ephemeral = ephemeralHash;
        if (ephemeral != null) {
            ok = SecretTokens.matches(hash, ephemeral);
        }
        for (byte[] stored : directory.adminCredentialHashes()) {
            ok |= SecretTokens.matches(hash, stored);
        }
        return ok;
    }
}
