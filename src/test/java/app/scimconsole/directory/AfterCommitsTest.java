package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The thread that follows the commits (the WAL checkpointer's, the trigram indexer's, PostgreSQL's event numbering):
 * commits gather into one run, a commit during a run asks for exactly one more, a failed run does not stop the thread,
 * and closing waits for the run in progress and then runs nothing more. Each run here reports itself on
 * {@code started} and waits for the test to let it end ({@code mayEnd}), so nothing depends on timing.
 */
class AfterCommitsTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    private final Semaphore started = new Semaphore(0);
    private final Semaphore mayEnd = new Semaphore(0);
    private final AtomicInteger runs = new AtomicInteger();

    private void run() {
        runs.incrementAndGet();
        started.release();
        mayEnd.acquireUninterruptibly();
    }

    private void awaitRunStarted() throws InterruptedException {
        assertThat(started.tryAcquire(LONG.toSeconds(), TimeUnit.SECONDS)).as("a run started").isTrue();
    }

    @Test
    void manyCommitsDuringARunAskForOneMoreRunAndNoMore() throws Exception {
        AfterCommits thread = new AfterCommits("test-after-commits", Duration.ZERO, LONG, this::run);
        thread.committed();
        awaitRunStarted();
        for (int i = 0; i < 50; i++) {
            thread.committed();
        }
        mayEnd.release();
        awaitRunStarted(); // the one run for the fifty commits
        mayEnd.release(1_000);
        thread.close(); // joins; a thread that counted the commits would begin its third run before it sees this

        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailedRunDoesNotStopTheThreadAndTheNextCommitRunsAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(1);
        try (AfterCommits thread = new AfterCommits("test-after-commits", Duration.ZERO, LONG, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("the database is gone");
            }
            secondRun.countDown();
        })) {
            thread.committed();
            while (attempts.get() < 1) {
                Thread.onSpinWait();
            }
            thread.committed();

            assertThat(secondRun.await(LONG.toSeconds(), TimeUnit.SECONDS)).as("ran again after the failure").isTrue();
        }
    }

    @Test
    void closingWaitsForTheRunInProgressAndThenRunsNothingMore() throws Exception {
        AfterCommits thread = new AfterCommits("test-after-commits", Duration.ZERO, LONG, this::run);
        thread.committed();
        awaitRunStarted();
        thread.committed(); // due again, but closed before it begins

        CompletableFuture<Void> closing = CompletableFuture.runAsync(thread::close);
        while (!thread.closing()) {
            Thread.onSpinWait();
        }
        assertThat(closing).as("close waits for the run in progress").isNotDone();
        mayEnd.release(1_000);
        closing.get(LONG.toSeconds(), TimeUnit.SECONDS);
        thread.committed(); // after close: ignored

        assertThat(runs).hasValue(1);
    }

    @Test
    void noThreadUntilTheFirstCommit() {
        AfterCommits thread = new AfterCommits("test-after-commits-idle", Duration.ZERO, LONG, this::run);

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-after-commits-idle"));
        thread.close(); // returns at once: nothing to join
        thread.committed();
        assertThat(runs).hasValue(0);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-after-commits-idle"));
    }
}
