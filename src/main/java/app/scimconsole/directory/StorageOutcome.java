package app.scimconsole.directory;

import java.util.List;

/**
 * A write the store refused because of what is stored, not because the store failed: the caller decides what it
 * means to its client. The store says which outcome and with what (the resource id, the versions, the taken name);
 * it never speaks HTTP.
 */
public final class StorageOutcome extends RuntimeException {
    public enum Kind {
        /** args: resource id */
        NOT_FOUND,
        /** The row is no longer at the version the write was computed from. args: resource id, expected, stored */
        VERSION_CONFLICT,
        /** Another row has the same unique name (case-insensitively). args: attribute, value */
        DUPLICATE,
        /** A member to add is not a user of the tenant (any more). args: member id */
        UNKNOWN_MEMBER
    }

    private final Kind kind;
    private final List<String> args;

    public StorageOutcome(Kind kind, String... args) {
        super(kind + " " + String.join(", ", args), null, false, false);
        this.kind = kind;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> args() {
        return args;
    }

    public String arg(int i) {
        return args.get(i);
    }
}
