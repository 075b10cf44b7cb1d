package app.scimconsole.directory;

import java.util.concurrent.CountDownLatch;

/** One caller's write waiting for the writer thread: its work, and then its result or failure after the commit. */
final class PendingWrite<T> {
    /** Tells the writer thread to finish the writes before it and stop. */
    static final PendingWrite<Void> STOP = new PendingWrite<>(c -> null);

    private final SqlWork<T> work;
    private final CountDownLatch done = new CountDownLatch(1);
    private T result;
    private RuntimeException failure;
    private boolean ran;

    PendingWrite(SqlWork<T> work) {
        this.work = work;
    }

    /** Runs the work inside the batch; a failure of the work itself is kept for its caller only. */
    void runIn(SqliteConnections db) {
        try {
            result = db.runInSavepoint(work);
            ran = true;
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Runs the work first in the batch's transaction, without a savepoint of its own: nothing else is in the
     * transaction yet, so on failure the caller rolls the whole transaction back ({@code false}), which undoes exactly
     * this work. The failure is kept for its caller only.
     */
    boolean runFirst(SqliteConnections db) {
        try {
            result = db.runAlone(work);
            ran = true;
            return true;
        } catch (RuntimeException e) {
            failure = e;
            return false;
        }
    }

    /** The batch committed: the caller may now see its result (or its own failure). */
    void publish() {
        done.countDown();
    }

    /** The batch as a whole failed: nothing of it was committed. */
    void fail(RuntimeException batchFailure) {
        if (ran || failure == null) {
            failure = batchFailure;
        }
        result = null;
        done.countDown();
    }

    T await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // The write is already queued and will commit; the caller must learn its outcome.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
