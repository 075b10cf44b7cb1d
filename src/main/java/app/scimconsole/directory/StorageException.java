package app.scimconsole.directory;

import java.util.List;

/**
 * The store failed for a reason no client caused. Its {@link Kind} says which, as data, so that the edges can answer
 * a fault that passes (the database restarting, the disk full) with "try again later" and say it in words, and keep
 * a 500 and a stack trace for what nobody expected.
 */
public final class StorageException extends RuntimeException {
    public enum Kind {
        /** The database server cannot be reached: down, restarting, refusing connections, or the link broke. */
        UNREACHABLE,
        /** Every connection is in use and none came free in time. */
        BUSY,
        /** The disk holding the database is full. */
        FULL,
        /** The database file cannot be written (a read-only file system, its permissions). */
        READ_ONLY,
        /** The operating system failed to read or write the database file. */
        IO_ERROR,
        /** Anything else: corruption, a bug. */
        FAILED
    }

    private final Kind kind;
    private final List<String> args;

    public StorageException(String message, Throwable cause) {
        this(Kind.FAILED, List.of(), message, cause);
    }

    /** {@code args}: what the kind names, as {@link #args()} says. */
    public StorageException(Kind kind, List<String> args, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.args = List.copyOf(args);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * For {@link Kind#FULL}, {@link Kind#READ_ONLY} and {@link Kind#IO_ERROR} of a database in a data folder: the
     * folder, and the bytes still free on its disk (so an operator sees which disk and how full); else empty.
     */
    public List<String> args() {
        return args;
    }

    /** Whether the fault passes by itself or by an operator's hand (space freed, a server restarted): not a bug. */
    public boolean isOutage() {
        return kind != Kind.FAILED;
    }
}
