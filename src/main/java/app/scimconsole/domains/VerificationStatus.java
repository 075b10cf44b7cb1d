package app.scimconsole.domains;

/** The outcome of one verification check. */
public enum VerificationStatus {
    /** The challenge record is published with the expected value. */
    VERIFIED,
    /** The challenge record is not there (yet). */
    PENDING,
    /** A challenge record is there, but with another value. */
    MISMATCH,
    /** DNS could not be asked or did not answer usefully, so nothing can be said about the record. */
    ERROR
}
