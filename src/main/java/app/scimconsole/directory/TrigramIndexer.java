package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps SQLite's trigram index of the users' names (users_text, V27) in step with the users, a moment after the
 * writes instead of inside them (issue 21): FTS5 writes a new segment and its structure record per transaction, which
 * cost every single-row commit a quarter of its pages on the one writer every create waits for. A moment after
 * commits ({@link AfterCommits}), one write of its own indexes what was written since: the users created since its
 * last run (the rowids above {@code users_text_state.indexed_to}) and the rows the triggers listed as stale (renamed,
 * deleted, or a reused rowid). Until then a search finds those rows by itself ({@link TrigramSearch#candidates}), so
 * what a search finds never depends on whether this ran. Its write goes through the single writer's queue like any
 * other, and joins a batch of it: at most {@link #BATCH} rows a transaction, so one run never holds up the writes
 * behind it for long.
 */
final class TrigramIndexer implements AutoCloseable {
    /** How long writes gather before they are indexed: the longest a search scans for rows not indexed yet. */
    static final long PAUSE_MS = 250;
    /** The most rows indexed in one transaction. */
    static final int BATCH = 2_000;
    /** How long closing waits for the batch in progress; what is left is indexed by the next process. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final SqliteConnections db;
    private final AfterCommits thread;

    /** Indexes {@code pauseMs} after commits; at once on start, for what a previous process left. */
    TrigramIndexer(SqliteConnections db, long pauseMs) {
        this.db = db;
        this.thread = new AfterCommits("sqlite-trigram-indexer", Duration.ofMillis(pauseMs), CLOSE_WAIT,
                this::catchUp);
        thread.committed(); // what a previous process left is due at once
    }

    /** Called after each commit. */
    void committed() {
        thread.committed();
    }

    /** Indexes everything written so far, in transactions of at most {@link #BATCH} rows; returns the rows indexed. */
    int catchUp() {
        int indexed = 0;
        // A read first: the indexer's own commit signals it again, and most runs find nothing left to do.
        while (!thread.closing() && db.read(TrigramIndexer::behind)) {
            int rows = db.write(c -> indexSome(c, BATCH));
            indexed += rows;
            if (rows < BATCH) {
                break;
            }
        }
        return indexed;
    }

    /** Whether any row is not in the index as it now reads. */
    private static boolean behind(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM users_text_stale)"
                + " OR EXISTS (SELECT 1 FROM users WHERE rowid > (SELECT indexed_to FROM users_text_state))");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Indexes up to {@code limit} stale rows and then new rows in the write transaction {@code c}. */
    static int indexSome(Connection c, int limit) throws SQLException {
        int stale = reindexStale(c, limit);
        return stale + indexNew(c, limit - stale);
    }

    /**
     * The stale rows: each one's entry removed (by its rowid alone: contentless_delete) and, if the row is still
     * there, made again from its names as they are now.
     */
    private static int reindexStale(Connection c, int limit) throws SQLException {
        List<Long> rowids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_rowid FROM users_text_stale ORDER BY user_rowid LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rowids.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement remove = c.prepareStatement("DELETE FROM users_text WHERE rowid = ?");
                PreparedStatement add = c.prepareStatement("INSERT INTO users_text (rowid, user_name_lc,"
                        + " display_name_lc) SELECT rowid, user_name_lc, display_name_lc FROM users WHERE rowid = ?");
                PreparedStatement done = c.prepareStatement("DELETE FROM users_text_stale WHERE user_rowid = ?")) {
            for (long rowid : rowids) {
                for (PreparedStatement ps : List.of(remove, add, done)) {
                    ps.setLong(1, rowid);
                    ps.executeUpdate();
                }
            }
        }
        return rowids.size();
    }

    /** The new rows (above the mark), oldest first, and the mark moved past them. */
    private static int indexNew(Connection c, int limit) throws SQLException {
        if (limit <= 0) {
            return 0;
        }
        long from;
        long to;
        int rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT indexed_to FROM users_text_state), MAX(rowid),"
                + " COUNT(*) FROM (SELECT rowid FROM users WHERE rowid > (SELECT indexed_to FROM users_text_state)"
                + " ORDER BY rowid LIMIT ?)")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                from = rs.getLong(1);
                to = rs.getLong(2);
                rows = rs.getInt(3);
            }
        }
        if (rows == 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users_text (rowid, user_name_lc, display_name_lc)"
                + " SELECT rowid, user_name_lc, display_name_lc FROM users WHERE rowid > ? AND rowid <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE users_text_state SET indexed_to = ?")) {
            ps.setLong(1, to);
            ps.executeUpdate();
        }
        return rows;
    }

    /** Stops the thread, after the run in progress; what was not indexed yet is indexed by the next process. */
    @Override
    public void close() {
        thread.close();
    }
}
