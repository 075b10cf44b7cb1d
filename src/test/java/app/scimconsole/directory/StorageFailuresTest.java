package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Issue 22: a failure's kind is read from the drivers' codes, wherever in the cause chain they sit (HikariCP wraps
 * the driver's failure in its own time-out). The real faults are in DatabaseOutagePostgresTest and DiskFullSqliteTest;
 * this covers the codes those cannot produce on demand.
 */
class StorageFailuresTest {
    @TempDir
    Path folder;

    private static StorageException.Kind kind(Throwable e) {
        return StorageFailures.kindOf(e);
    }

    @Test
    void postgresConnectionFailuresAndShutdownsAreUnreachable() {
        assertThat(kind(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")))).isEqualTo(StorageException.Kind.UNREACHABLE);
        assertThat(kind(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)))
                .isEqualTo(StorageException.Kind.UNREACHABLE);
        for (String shuttingDown : new String[] {"57P01", "57P02", "57P03"}) {
            assertThat(kind(new SQLException("terminating connection", shuttingDown))).as(shuttingDown)
                    .isEqualTo(StorageException.Kind.UNREACHABLE);
        }
        assertThat(kind(new SQLTransientConnectionException("pool timed out", "08001",
                new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))))
                .as("the pool's time-out over a refused connection").isEqualTo(StorageException.Kind.UNREACHABLE);
        assertThat(kind(new SQLTransientConnectionException("pool timed out")))
                .as("the pool's time-out with every connection busy").isEqualTo(StorageException.Kind.BUSY);
        assertThat(kind(new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)))
                .as("a statement out of time").isEqualTo(StorageException.Kind.BUSY);
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(kind(new PSQLException("duplicate", PSQLState.UNIQUE_VIOLATION)))
                .isEqualTo(StorageException.Kind.FAILED);
        assertThat(kind(new SQLiteException("corrupt", SQLiteErrorCode.SQLITE_CORRUPT)))
                .isEqualTo(StorageException.Kind.FAILED);
        assertThat(StorageFailures.of(new SQLException("x")).isOutage()).isFalse();
    }

    @Test
    void sqliteDiskFaultsNameTheFolderAndItsFreeSpace() {
        StorageException full = StorageFailures.of(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL), folder);
        assertThat(full.kind()).isEqualTo(StorageException.Kind.FULL);
        assertThat(full.args().get(0)).isEqualTo(folder.toString());
        assertThat(Long.parseLong(full.args().get(1))).isPositive();
        assertThat(kind(new SQLiteException("ro", SQLiteErrorCode.SQLITE_READONLY_DBMOVED)))
                .as("an extended code counts by its primary code").isEqualTo(StorageException.Kind.READ_ONLY);
        assertThat(kind(new SQLiteException("io", SQLiteErrorCode.SQLITE_IOERR_WRITE)))
                .isEqualTo(StorageException.Kind.IO_ERROR);
        assertThat(StorageFailures.of(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY), folder).args())
                .as("only a fault of the disk names it").isEmpty();
    }
}
