package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writes to one SQLite file: writes that wait while a batch runs join its transaction and are committed together
 * (group commit). What each caller may rely on: it returns only after the commit that holds its write, a failing write undoes only its own
 * changes, and a write started from inside a write joins it.
 */
class SqliteConnectionsTest {
    @TempDir
    Path dir;

    private SqliteConnections db;
    private final AtomicInteger commits = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws SQLException {
        db = new SqliteConnections(dir.resolve("w.db"), 2);
        db.write(c -> run(c, "CREATE TABLE rows (name TEXT PRIMARY KEY)"));
        db.afterEachCommit(commits::incrementAndGet);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        db.close();
    }

    @Test
    void aLoneWriteThatFailsLeavesNothingAndTheNextWriteCommits() {
        IllegalStateException refused = new IllegalStateException("refused");

        assertThatThrownBy(() -> db.write(c -> {
            insert(c, "half");
            throw refused;
        })).isSameAs(refused);

        assertThat(committed("half")).isFalse();
        db.write(c -> insert(c, "next"));
        assertThat(committed("next")).isTrue();
    }

    @Test
    void writesThatComeDuringABatchJoinItsCommitAndAFailingOneUndoesOnlyItsOwn() throws Exception {
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> leader = pool.submit(() -> db.write(c -> {
            insert(c, "lead");
            leaderInside.countDown();
            awaitQuietly(release);
            return true;
        }));
        assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
        int before = commits.get();

        IllegalStateException refused = new IllegalStateException("refused");
        List<Thread> followers = new ArrayList<>();
        Future<Boolean> b = follow(followers, "b", null);
        Future<Boolean> failing = follow(followers, "c", refused);
        Future<Boolean> d = follow(followers, "d", null);
        awaitInLine(followers, 3);
        release.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.get(10, TimeUnit.SECONDS)).as("b saw its own write committed on return").isTrue();
        assertThat(d.get(10, TimeUnit.SECONDS)).as("d saw its own write committed on return").isTrue();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCause(refused);
        assertThat(committed("lead")).isTrue();
        assertThat(committed("c")).isFalse();
        assertThat(commits.get() - before).as("one commit for the four writes").isEqualTo(1);
    }

    @Test
    void whenABatchsFirstWriteFailsTheWritesThatJoinedItStillCommit() throws Exception {
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException refused = new IllegalStateException("refused");
        Future<Object> leader = pool.submit(() -> db.write(c -> {
            insert(c, "lead");
            leaderInside.countDown();
            awaitQuietly(release);
            throw refused;
        }));
        assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
        int before = commits.get();

        List<Thread> followers = new ArrayList<>();
        Future<Boolean> b = follow(followers, "b", null);
        Future<Boolean> c = follow(followers, "c", null);
        awaitInLine(followers, 2);
        release.countDown();

        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).hasCause(refused);
        assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(committed("lead")).isFalse();
        assertThat(commits.get() - before).as("one commit for the two that joined").isEqualTo(1);
    }

    @Test
    void aWriteFromInsideAWriteJoinsItsTransaction() throws Exception {
        Future<Object> both = pool.submit(() -> db.write(c -> {
            insert(c, "outer");
            return db.write(inner -> insert(inner, "inner"));
        }));
        both.get(10, TimeUnit.SECONDS);
        assertThat(committed("outer")).isTrue();
        assertThat(committed("inner")).isTrue();

        IllegalStateException refused = new IllegalStateException("refused");
        Future<Object> undone = pool.submit(() -> db.write(c -> {
            db.write(inner -> insert(inner, "inner2"));
            throw refused;
        }));
        assertThatThrownBy(() -> undone.get(10, TimeUnit.SECONDS)).hasCause(refused);
        assertThat(committed("inner2")).as("undone with the write it joined").isFalse();
    }

    @Test
    void manyCallersAtOnceEachReturnAfterItsOwnCommit() throws Exception {
        int threads = 8;
        int each = 100;
        List<Future<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            callers.add(pool.submit(() -> {
                int seen = 0;
                for (int i = 0; i < each; i++) {
                    String name = thread + "-" + i;
                    db.write(c -> insert(c, name));
                    seen += committed(name) ? 1 : 0;
                }
                return seen;
            }));
        }
        for (Future<Integer> caller : callers) {
            assertThat(caller.get(60, TimeUnit.SECONDS)).isEqualTo(each);
        }
        int rows = db.read(c -> count(c, "SELECT count(*) FROM rows"));
        assertThat(rows).isEqualTo(threads * each);
    }

    @Test
    void closingFinishesTheWritesInLineAndRefusesNewOnes() throws Exception {
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> leader = pool.submit(() -> db.write(c -> {
            leaderInside.countDown();
            awaitQuietly(release);
            return insert(c, "lead");
        }));
        assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> followers = new ArrayList<>();
        Future<Integer> queued = pool.submit(() -> {
            synchronized (followers) {
                followers.add(Thread.currentThread());
            }
            return db.write(c -> insert(c, "queued"));
        });
        awaitInLine(followers, 1);
        CountDownLatch closingStarted = new CountDownLatch(1);
        Thread[] closer = new Thread[1];
        Future<?> closing = pool.submit(() -> {
            closer[0] = Thread.currentThread();
            closingStarted.countDown();
            db.close();
        });
        assertThat(closingStarted.await(10, TimeUnit.SECONDS)).isTrue();
        while (closer[0].getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5); // until close waits for the line to empty
        }
        assertThatThrownBy(() -> db.write(c -> insert(c, "late"))).isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
        release.countDown();

        closing.get(10, TimeUnit.SECONDS);
        leader.get(10, TimeUnit.SECONDS);
        assertThat(queued.get(10, TimeUnit.SECONDS)).as("the queued write ran before the close").isEqualTo(1);
    }

    /** A write of {@code name} from a thread of its own that fails with {@code failure} after inserting, if given. */
    private Future<Boolean> follow(List<Thread> threads, String name, RuntimeException failure) {
        return pool.submit(() -> {
            synchronized (threads) {
                threads.add(Thread.currentThread());
            }
            db.write(c -> {
                insert(c, name);
                if (failure != null) {
                    throw failure;
                }
                return null;
            });
            return committed(name);
        });
    }

    /** Until each thread has started and waits for its write (parked, in the directory's write path). */
    private static void awaitInLine(List<Thread> threads, int expected) throws InterruptedException {
        while (true) {
            List<Thread> now;
            synchronized (threads) {
                now = List.copyOf(threads);
            }
            if (now.size() == expected && now.stream().allMatch(SqliteConnectionsTest::waitsForItsWrite)) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static boolean waitsForItsWrite(Thread t) {
        return LockSupport.getBlocker(t) != null && Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(SqliteConnections.class.getName()));
    }

    @Test
    void anInsertRunsOnlyItself() {
        // The driver would otherwise follow every INSERT with a "SELECT last_insert_rowid()" of its own, compiled
        // anew each time, whose answer getGeneratedKeys hands back; nobody here reads it.
        boolean keysRead = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows (name) VALUES (?)")) {
                ps.setString(1, "k");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next();
                }
            }
        });

        assertThat(keysRead).isFalse();
        assertThat(committed("k")).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean committed(String name) {
        // a reader sees committed data only
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rows WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    private static int insert(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows (name) VALUES (?)")) {
            ps.setString(1, name);
            return ps.executeUpdate();
        }
    }

    private static Object run(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
        return null;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
