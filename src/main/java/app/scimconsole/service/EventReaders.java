package app.scimconsole.service;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.EventReader;
import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.StorableText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The read-only credentials of a tenant's event feed, for the app that consumes it (so that it never holds Entra's
 * token): shown once when issued, kept only as digests, compared in constant time, never logged. A reader
 * credential opens the feed of its own tenant and nothing else; nothing else opens the feed. Each one's last use is
 * kept to the minute, so the owner can tell a credential still in use from one to revoke.
 */
public final class EventReaders {
    /** args: the reader's id. */
    public static final String UNKNOWN_READER = "events.reader.unknown";
    private static final int MAX_LABEL = 200;
    /** How stale a reader's recorded last use may get: a consumer polling the feed writes once a minute, not per page. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final Directory directory;
    private final Clock clock;

    public EventReaders(Directory directory) {
        this(directory, Clock.systemUTC());
    }

    /** As above, telling the time of a use by {@code clock}. */
    public EventReaders(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
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

    /**
     * Whether {@code presented} is a live reader credential of {@code tenantId}, every digest compared. When it is,
     * its use is recorded if the recorded one is a minute old or more (a failure to record it refuses nothing).
     */
    public boolean admit(String tenantId, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] hash = SecretTokens.hash(presented);
        EventReader match = null;
        for (EventReader reader : directory.eventReaders(tenantId)) {
            if (SecretTokens.matches(hash, reader.hash())) {
                match = reader;
            }
        }
        if (match == null) {
            return false;
        }
        Instant now = clock.instant();
        if (match.lastUsed() == null || !now.isBefore(match.lastUsed().plus(USE_RECORDED_EVERY))) {
            try {
                directory.eventReaderUsed(tenantId, match.id(), now);
            } catch (StorageException e) {
                // the database refuses writes (full, read-only): the feed still reads; the use is recorded next time
            }
        }
        return true;
    }
}
