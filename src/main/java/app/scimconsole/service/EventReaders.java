package app.scimconsole.service;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.EventReader;
import app.scimconsole.scim.StorableText;
import java.util.List;

/**
 * The read-only credentials of a tenant's event feed, for the app that consumes it (so that it never holds Entra's
 * token): shown once when issued, kept only as digests, compared in constant time, never logged. A reader
 * credential opens the feed of its own tenant and nothing else; nothing else opens the feed.
 */
public final class EventReaders {
    /** args: the reader's id. */
    public static final String UNKNOWN_READER = "events.reader.unknown";
    private static final int MAX_LABEL = 200;

    private final Directory directory;

    public EventReaders(Directory directory) {
        this.directory = directory;
    }

    /** A new reader credential and its id (to revoke it by). The credential is shown once; only its digest is kept. */
    public record Issued(String id, String credential) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", credential=(hidden)]";
        }
    }

    public Issued issue(String tenantId, String label) {
        String credential = SecretTokens.generate();
        String kept = label == null || label.isBlank() ? null : StorableText.printable(
                label.strip().length() > MAX_LABEL ? label.strip().substring(0, MAX_LABEL) : label.strip());
        EventReader reader = directory.addEventReader(tenantId, SecretTokens.hash(credential), kept);
        return new Issued(reader.id(), credential);
    }

    public List<EventReader> list(String tenantId) {
        return directory.eventReaders(tenantId);
    }

    /** Revokes the tenant's reader {@code id}: its credential stops working at once. False: no such reader. */
    public boolean revoke(String tenantId, String id) {
        return id != null && directory.removeEventReader(tenantId, id);
    }

    /** Whether {@code presented} is a live reader credential of {@code tenantId}; every digest is compared. */
    public boolean accepts(String tenantId, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] hash = SecretTokens.hash(presented);
        boolean ok = false;
        for (EventReader reader : directory.eventReaders(tenantId)) {
            ok |= SecretTokens.matches(hash, reader.hash());
        }
        return ok;
    }
}
