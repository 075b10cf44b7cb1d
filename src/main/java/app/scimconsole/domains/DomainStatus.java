package app.scimconsole.domains;

/** Where a registered domain stands, between checks. */
public enum DomainStatus {
    /** Registered; the record was not found at the last check. Re-checked with backoff for 72 hours. */
    PENDING,
    /** A challenge record with another value was found at the last check. Re-checked like PENDING. */
    MISMATCH,
    /** The last check could not reach DNS. Re-checked like PENDING. */
    ERROR,
    /** Proven. Also while the record has been missing for less than the grace period (see {@code lostSince}). */
    VERIFIED,
    /** Not verified within 72 hours. No more automatic checks; checking again by hand opens a new window. */
    EXPIRED,
    /** Was verified, but the record has been gone for longer than the grace period. Re-checked daily. */
    LOST;

    static DomainStatus of(VerificationStatus outcome) {
        return switch (outcome) {
            case VERIFIED -> VERIFIED;
            case PENDING -> PENDING;
            case MISMATCH -> MISMATCH;
            case ERROR -> ERROR;
        };
    }
}
