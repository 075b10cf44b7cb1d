package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Where a write stores its directory events, in its own transaction ({@link SqlDirectory#storeEvents}). */
@FunctionalInterface
interface EventSink {
    void store(Connection c, String tenantId, Instant time, List<Event> events, List<EventRows.Written> texts)
            throws SQLException;
}
