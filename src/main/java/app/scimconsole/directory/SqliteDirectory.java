package app.scimconsole.directory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The directory in one SQLite file ({@value #FILE_NAME}) in the data folder. Safe for many threads:
 * writes are serialised on one connection, reads run in parallel on a few others (see
 * {@link SqliteConnections}). Every method is one transaction.
 *
 * <p>Groups are returned without members unless asked for ({@link #get} and {@link Query#withMembers});
 * {@link #update} hands its function and returns a group without members, so that a PATCH of a large
 * group never loads the whole membership. Users always carry their groups.
 */
public final class SqliteDirectory extends SqlDirectory {
    public static final String FILE_NAME = "scim-console.db";
    private static final int READERS = 4;

    private final SqliteConnections db;
    private final TrigramIndexer indexer;
    private final Path folder;
    /** The data folder's locks this process holds ({@link #holdsAlone}), by purpose, until it closes. */
    private final Map<String, FileChannel> heldAlone = new HashMap<>();

    private SqliteDirectory(SqliteConnections db, Path folder, Clock clock, long indexPauseMs) {
        super(SqlDialect.SQLITE, clock);
        this.db = db;
        this.folder = folder;
        this.indexer = new TrigramIndexer(db, indexPauseMs);
        db.afterEachCommit(indexer::committed);
    }

    public static SqliteDirectory open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Opens (creating and migrating as needed) the directory in {@code dataDir}, telling time by {@code clock}. */
    public static SqliteDirectory open(Path dataDir, Clock clock) {
        return open(dataDir, clock, TrigramIndexer.PAUSE_MS);
    }

    /** As {@link #open(Path, Clock)}, with the users' names indexed {@code indexPauseMs} after writes. */
    static SqliteDirectory open(Path dataDir, Clock clock, long indexPauseMs) {
        try {
            Path file = createOwnerOnly(dataDir).resolve(FILE_NAME);
            Flyway.configure()
                    .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                    .locations(Migrations.locations(SqlDialect.SQLITE))
                    .load()
                    .migrate();
            return new SqliteDirectory(new SqliteConnections(file, READERS), dataDir, clock, indexPauseMs);
        } catch (IOException | SQLException e) {
            throw new StorageException("Cannot open the directory in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The folder and database file, readable by their owner only where the file system has POSIX modes. */
    private static Path createOwnerOnly(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir, ownerOnly("rwx------"));
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            // SQLite gives its -wal and -shm files the mode of the database file.
            Files.createFile(file, ownerOnly("rw-------"));
        }
        return dataDir;
    }

    /** The given POSIX mode for a new file or folder, or nothing where the file system has none (Windows). */
    private static FileAttribute<?>[] ownerOnly(String mode) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    @Override
    <T> T read(SqlWork<T> work) {
        return db.read(work);
    }

    @Override
    <T> T readOne(SqlWork<T> work) {
        return db.readAlone(work);
    }

    @Override
    <T> T write(SqlWork<T> work) {
        return db.write(work);
    }

    /** Numbered in the write's transaction: SQLite's writes are serial and committed in groups already. */
    @Override
    void storeEvents(Connection c, String tenantId, Instant time, List<Event> events, List<EventRows.Written> texts)
            throws SQLException {
        EventRows.append(c, tenantId, time, events, texts);
    }

    /** A file lock {@code <purpose>.lock} in the data folder, kept until this directory closes. */
    @Override
    synchronized boolean holdsAlone(String purpose) {
        if (heldAlone.containsKey(purpose)) {
            return true;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(purpose + ".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly("rw-------"));
            if (channel.tryLock() != null) {
                heldAlone.put(purpose, channel);
                return true;
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held by another directory on this folder in this process, or not lockable here: not alone
        }
        closeQuietly(channel);
        return false;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    /**
     * Indexes the users' names written so far now, without waiting for the indexer; returns the rows indexed. Public
     * for a benchmark that fills the file in bulk, past the writes the indexer follows.
     */
    public int indexNames() {
        return indexer.catchUp();
    }

    @Override
    public void close() {
        indexer.close();
        db.close();
        synchronized (this) {
            heldAlone.values().forEach(SqliteDirectory::closeQuietly);
            heldAlone.clear();
        }
    }
}
