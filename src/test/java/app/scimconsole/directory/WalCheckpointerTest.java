package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.scim.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log is copied into the database file by the checkpointer's own thread, not by the writer's commits
 * (issue 21): what was committed reaches the database file without waiting for more writes, and a log that was
 * copied is started again from its beginning instead of growing. (That a crash loses no answered write is
 * {@code CrashDurabilityTest}'s.)
 */
class WalCheckpointerTest extends OneTenantDirectoryTest {
    @TempDir
    Path copies;

    private int created;

    /**
     * The trigram indexer's own write, a moment after each round, could land in the log after the round was copied and
     * keep the next round from starting it again (the log restarts only once every frame in it was copied): here only
     * the test writes, so what the log holds is the checkpointer's doing alone.
     */
    @Override
    SqliteDirectory openSqlite(Path folder) {
        return SqliteDirectory.open(folder, Clock.systemUTC(), TimeUnit.DAYS.toMillis(1));
    }

    @Test
    void aFewCommitsReachTheDatabaseFileWithoutMoreWrites() throws Exception {
        // far fewer pages than SQLite's own automatic checkpoint waited for (1,000)
        create(3);

        await(() -> usersInDatabaseFileAlone() == 3);
    }

    @Test
    void aCopiedLogIsStartedAgainInsteadOfGrowing() throws Exception {
        create(20);
        await(this::roundCopied);
        long firstRound = Files.size(wal());

        for (int round = 0; round < 4; round++) {
            create(20);
            await(this::roundCopied);
        }

        // five rounds of the same writes, each copied before the next: the log holds about one round, not five
        assertThat(Files.size(wal())).isLessThan(2 * firstRound);
    }

    private void create(int count) {
        for (int i = 0; i < count; i++) {
            directory.create(tenant, ResourceType.USER, user("user" + created++ + "@example.com"), List.of());
        }
    }

    /**
     * The round's users are in the database file and the checkpoint that copied them has ended: SQLite starts the log
     * again only once a checkpoint has marked every frame copied, which it does after writing the pages a copy of the
     * file already shows. So the next round waits for the checkpointer's thread to wait for the next commit.
     */
    private boolean roundCopied() {
        return usersInDatabaseFileAlone() == created && Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sqlite-checkpointer"))
                .allMatch(t -> t.getState() == Thread.State.WAITING);
    }

    private Path wal() {
        return dir.resolve(SqliteDirectory.FILE_NAME + "-wal");
    }

    /** The users in a copy of the database file without its log: those a checkpoint has copied there. */
    private int usersInDatabaseFileAlone() {
        try {
            Path copy = Files.createTempDirectory(copies, "db").resolve("alone.db");
            Files.copy(dir.resolve(SqliteDirectory.FILE_NAME), copy);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            return -1; // a copy taken halfway through a checkpoint's write: looked at again
        }
    }

    /** Waits for a condition the checkpointer's thread brings about, however busy the machine. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the checkpointer copied the log in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
