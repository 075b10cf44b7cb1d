package app.scimconsole.directory;

import java.util.concurrent.locks.LockSupport;

/**
 * One caller's write in the {@link WriteLine}: its work, then its result or failure once its batch committed. Its
 * caller is woken directly ({@code unpark}) when it is done or leads the next batch, so that the callers of a batch
 * wake side by side rather than one after another.
 */
final class PendingWrite<T> {
    private static final int WAITING = 0;
    private static final int LEADS = 1;
    private static final int DONE = 2;

    private final SqlWork<T> work;
    private final Thread caller = Thread.currentThread();
    /** Written last by the leader: what it wrote before is seen by the caller that reads it. */
    private volatile int state = WAITING;
    private T result;
    private RuntimeException failure;
    private boolean ran;

    PendingWrite(SqlWork<T> work) {
        this.work = work;
    }

    /**
     * Runs the work inside the batch, in a savepoint of its own unless it is the transaction's only write; a failure
     * of the work itself is kept for its caller only. Returns whether it succeeded.
     */
    boolean runIn(SqliteConnections db, boolean alone) {
        try {
            result = alone ? db.runAlone(work) : db.runInSavepoint(work);
            ran = true;
        } catch (RuntimeException e) {
            failure = e;
        }
        return ran;
    }

    /** The batch as a whole failed: nothing of it was committed. */
    void fail(RuntimeException batchFailure) {
        if (ran || failure == null) {
            failure = batchFailure;
        }
        result = null;
    }

    /** Waits until this write is done or leads; true when it leads (it is first in line and runs the next batch). */
    boolean awaitTurn() {
        boolean interrupted = false;
        int now;
        while ((now = state) == WAITING) {
            LockSupport.park(this);
            // The write is in line and will commit; its caller must learn its outcome, so an interrupt waits too.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return now == LEADS;
    }

    /** Its turn to lead: the batch before it has finished. */
    void lead() {
        state = LEADS;
        wake();
    }

    /** Its batch committed (or failed as a whole): the caller may now see its result or its failure. */
    void publish() {
        state = DONE;
        wake();
    }

    private void wake() {
        if (caller != Thread.currentThread()) {
            LockSupport.unpark(caller);
        }
    }

    T outcome() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
