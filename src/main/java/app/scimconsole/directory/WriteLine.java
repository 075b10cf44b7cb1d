package app.scimconsole.directory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writes waiting for the one SQLite connection, in the order they came (LevelDB's writer queue): the first in
 * line leads, it runs itself and the writes behind it as one batch on its own thread and commits them together; the
 * others wait until their batch has committed, or until they are first in line and lead the next batch. A write that
 * finds the line empty leads at once: at concurrency 1 a write is run by its own caller, with no hand-off to another
 * thread and back (two wake-ups a write). Only the membership of the line is guarded here, never the work itself.
 */
final class WriteLine {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition emptied = lock.newCondition();
    private final ArrayDeque<PendingWrite<?>> line = new ArrayDeque<>();
    private boolean closed;

    /** Puts {@code write} at the end of the line; true when it is first and so leads at once. */
    boolean join(PendingWrite<?> write) {
        lock.lock();
        try {
            if (closed) {
                throw new StorageException("The directory database is closed.", null);
            }
            line.addLast(write);
            return line.size() == 1;
        } finally {
            lock.unlock();
        }
    }

    /** The leader's batch: the first {@code max} writes of the line, the leader first. */
    List<PendingWrite<?>> batch(int max) {
        lock.lock();
        try {
            return new ArrayList<>(line.size() <= max ? line : line.stream().limit(max).toList());
        } finally {
            lock.unlock();
        }
    }

    /** The writes that came behind {@code batch} since it was taken, up to {@code max} in the batch in all. */
    List<PendingWrite<?>> cameAfter(List<PendingWrite<?>> batch, int max) {
        lock.lock();
        try {
            List<PendingWrite<?>> late = new ArrayList<>();
            Iterator<PendingWrite<?>> it = line.iterator();
            for (int i = 0; i < batch.size(); i++) {
                it.next();
            }
            while (it.hasNext() && batch.size() + late.size() < max) {
                late.add(it.next());
            }
            return late;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the finished {@code batch} from the front of the line; returns the first write behind it, or null. */
    PendingWrite<?> finish(List<PendingWrite<?>> batch) {
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                line.pollFirst();
            }
            if (line.isEmpty()) {
                emptied.signalAll();
            }
            return line.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more writes, and waits up to {@code wait} for those in line to finish. */
    void close(Duration wait) {
        lock.lock();
        try {
            closed = true;
            long left = wait.toNanos();
            while (!line.isEmpty() && left > 0) {
                left = emptied.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
