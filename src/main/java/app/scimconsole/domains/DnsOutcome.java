package app.scimconsole.domains;

/** What one DNS server said about one name, reduced to what matters for verification. */
public enum DnsOutcome {
    /** The name has TXT records. */
    FOUND,
    /** The name does not exist (NXDOMAIN). */
    NO_SUCH_NAME,
    /** The name exists but has no TXT records (NOERROR, empty answer). */
    NO_RECORDS,
    /** The name is a CNAME (an alias for another name), which cannot also hold TXT records. */
    ALIAS,
    /** The server is not responsible for this name and pointed elsewhere. */
    REFERRAL,
    /** The server reported a failure (SERVFAIL or another error code). */
    SERVER_FAILURE,
    /** The server refused to answer (REFUSED). */
    REFUSED,
    /** No answer within the time limit. */
    TIMEOUT,
    /** The server could not be reached. */
    NETWORK_ERROR;

    /** True when the server gave an answer about the name's content (found or not), as opposed to a failure. */
    public boolean isDefinite() {
        return this == FOUND || this == NO_SUCH_NAME || this == NO_RECORDS || this == ALIAS;
    }
}
