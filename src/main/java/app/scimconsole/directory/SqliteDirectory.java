package app.scimconsole.directory;

import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
public final class SqliteDirectory implements Directory {
    public static final String FILE_NAME = "scim-console.db";
    private static final int READERS = 4;
    private static final String MIGRATIONS = "classpath:app/scimconsole/directory/migration";

    private final SqliteConnections db;
    private final ResourceRows resources;
    private final Clock clock;

    private SqliteDirectory(SqliteConnections db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.resources = new ResourceRows(new ObjectMapper(), clock);
    }

    public static SqliteDirectory open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Opens (creating and migrating as needed) the directory in {@code dataDir}, telling time by {@code clock}. */
    public static SqliteDirectory open(Path dataDir, Clock clock) {
        try {
            Path file = createOwnerOnly(dataDir).resolve(FILE_NAME);
            Flyway.configure()
                    .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            return new SqliteDirectory(new SqliteConnections(file, READERS), clock);
        } catch (IOException | SQLException e) {
            throw new StorageException("Cannot open the directory in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The folder and database file, readable by their owner only where the file system has POSIX modes. */
    private static Path createOwnerOnly(Path dataDir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dataDir)) {
            if (posix) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dataDir);
            }
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (posix && !Files.exists(file)) {
            // SQLite gives its -wal and -shm files the mode of the database file.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return dataDir;
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    // ---- tenants and tokens -------------------------------------------------------------------

    /**
     * A data source on this database for stores of other features (e-mail domains), whose tables the same
     * migrations create. Its connections are the writer's, under the writer lock.
     */
    public javax.sql.DataSource dataSource() {
        return db.sharedWriter();
    }

    /** Read-only connections on this database for other features' queries; they never wait for writes. */
    public javax.sql.DataSource readDataSource() {
        return db.sharedReaders();
    }

    @Override
    public Optional<Tenant> defaultTenant() {
        return db.read(TenantRows::oldest);
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return db.read(c -> TenantRows.find(c, tenantId));
    }

    @Override
    public Tenant createTenant() {
        return db.write(c -> TenantRows.create(c, now()));
    }

    @Override
    public void setScimEnabled(String tenantId, boolean enabled) {
        db.write(c -> {
            TenantRows.setScimEnabled(c, tenantId, enabled);
            return null;
        });
    }

    @Override
    public Token addToken(String tenantId, byte[] hash, Instant revokeOthersAt) {
        return db.write(c -> TenantRows.addToken(c, tenantId, hash, revokeOthersAt, now()));
    }

    @Override
    public List<Token> activeTokens(String tenantId, Instant now) {
        return db.read(c -> TenantRows.activeTokens(c, tenantId, now));
    }

    @Override
    public void revokeAllTokens(String tenantId) {
        db.write(c -> {
            TenantRows.revokeAll(c, tenantId, now());
            return null;
        });
    }

    @Override
    public void recordTokenUse(String tokenId, Instant when) {
        db.write(c -> {
            TenantRows.recordUse(c, tokenId, when);
            return null;
        });
    }

    // ---- resources ----------------------------------------------------------------------------

    @Override
    public StoredResource create(String tenantId, ResourceType type, ObjectNode doc, List<String> memberIds,
            Function<StoredResource, Activity> audit) {
        return db.write(c -> audited(c, resources.insert(c, tenantId, type, doc, memberIds == null ? List.of() : memberIds),
                audit));
    }

    @Override
    public Optional<StoredResource> get(String tenantId, ResourceType type, String id, boolean withMembers) {
        return db.read(c -> resources.find(c, tenantId, type, id, withMembers));
    }

    @Override
    public Page query(String tenantId, ResourceType type, Query query) {
        // Translate before taking a connection: a bad filter or sortBy fails without touching the store.
        SqlWhere filter = query.filter() == null ? null : FilterSql.where(type, query.filter());
        SqlWhere orderBy = SortSql.orderBy(type, query.sortBy(), query.descending());
        return db.read(c -> resources.query(c, tenantId, type, query, filter, orderBy));
    }

    @Override
    public Map<String, Long> memberCounts(String tenantId, List<String> groupIds) {
        return db.read(c -> Memberships.countsOf(c, groupIds));
    }

    @Override
    public StoredResource update(String tenantId, ResourceType type, String id, Long expectedVersion,
            Function<StoredResource, Update> change, Function<StoredResource, Activity> audit) {
        return db.write(c -> audited(c, resources.update(c, tenantId, type, id, expectedVersion, change), audit));
    }

    @Override
    public void delete(String tenantId, ResourceType type, String id, Long expectedVersion,
            Function<StoredResource, Activity> audit) {
        db.write(c -> audited(c, resources.delete(c, tenantId, type, id, expectedVersion), audit));
    }

    /** Appends the write's activity entry inside the write's own transaction. */
    private StoredResource audited(Connection c, StoredResource written, Function<StoredResource, Activity> audit)
            throws SQLException {
        if (audit != null) {
            ActivityRows.append(c, audit.apply(written), now());
        }
        return written;
    }

    // ---- activity -----------------------------------------------------------------------------

    @Override
    public void log(Activity entry) {
        db.write(c -> {
            ActivityRows.append(c, entry, now());
            return null;
        });
    }

    @Override
    public List<Activity> activity(String tenantId, int limit) {
        return db.read(c -> ActivityRows.latest(c, tenantId, limit));
    }

    @Override
    public void close() {
        db.close();
    }
}
