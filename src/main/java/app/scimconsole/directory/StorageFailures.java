package app.scimconsole.directory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * What a database failure was, read from the driver's codes, never its words: PostgreSQL's SQLSTATE (class 08,
 * connection exception; 57P01-57P03, the server shutting down or starting up; 57014, a statement that ran out of
 * time), the socket errors under it, and SQLite's primary result codes (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR,
 * SQLITE_CANTOPEN).
 */
final class StorageFailures {
    /** PostgreSQL's SQLSTATE for a statement canceled, as statement_timeout does. */
    private static final String QUERY_CANCELED = "57014";
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private StorageFailures() {
    }

    /** The failure as the store reports it: its kind, and the driver's message for operators. */
    static StorageException of(Throwable e) {
        return new StorageException(kindOf(e), List.of(), "The directory database failed: " + e.getMessage(), e);
    }

    /**
     * The failure of a database file in {@code folder}: a fault of its disk also names the folder and the bytes
     * still free there.
     */
    static StorageException of(Throwable e, Path folder) {
        StorageException.Kind kind = kindOf(e);
        boolean disk = kind == StorageException.Kind.FULL || kind == StorageException.Kind.READ_ONLY
                || kind == StorageException.Kind.IO_ERROR;
        List<String> args = disk ? List.of(folder.toString(), freeBytes(folder)) : List.of();
        return new StorageException(kind, args, "The directory database failed: " + e.getMessage(), e);
    }

    private static String freeBytes(Path folder) {
        try {
            return Long.toString(Files.getFileStore(folder).getUsableSpace());
        } catch (IOException unknown) {
            return "?"; // the disk cannot even say; the kind of fault is what matters
        }
    }

    static StorageException.Kind kindOf(Throwable e) {
        boolean poolTimedOut = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s) {
                return sqlite(s.getResultCode().code & 0xFF);
            }
            if (t instanceof SQLException s && unreachable(s.getSQLState())) {
                return StorageException.Kind.UNREACHABLE;
            }
            if (t instanceof SQLException s && QUERY_CANCELED.equals(s.getSQLState())) {
                // statement_timeout ran out: a database too busy to answer in time, which a retry may find free
                return StorageException.Kind.BUSY;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return StorageException.Kind.UNREACHABLE;
            }
            poolTimedOut |= t instanceof SQLTransientConnectionException;
        }
        // The pool timed out with no connection failure under it: the connections are all busy, not gone.
        return poolTimedOut ? StorageException.Kind.BUSY : StorageException.Kind.FAILED;
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    private static StorageException.Kind sqlite(int primary) {
        return switch (primary) {
            case SQLITE_FULL -> StorageException.Kind.FULL;
            case SQLITE_READONLY -> StorageException.Kind.READ_ONLY;
            case SQLITE_IOERR, SQLITE_CANTOPEN -> StorageException.Kind.IO_ERROR;
            default -> StorageException.Kind.FAILED;
        };
    }
}
