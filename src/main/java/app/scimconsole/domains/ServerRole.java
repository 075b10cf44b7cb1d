package app.scimconsole.domains;

/** Where an answer came from, which decides how much it counts. */
public enum ServerRole {
    /**
     * One of the zone's own name servers, asked directly: the truth about what is published. Listed both by the zone's
     * NS records and by the parent's delegation (or the delegation could not be read).
     */
    AUTHORITATIVE(true, true),
    /**
     * A name server that the parent's delegation (what the registrar has on file) lists but the zone's own NS records
     * do not: resolvers still ask it, so it decides like the others.
     */
    PARENT_ONLY(true, true),
    /** A name server that the zone's NS records list but the parent's delegation does not. */
    ZONE_ONLY(true, true),
    /** The one server given with {@code --dns-server}: treated as the only authority, even if it is a resolver. */
    CONFIGURED(true, false),
    /** This computer's DNS resolver: shows what this network sees (caches, split horizon); advisory only. */
    SYSTEM_RESOLVER(false, false),
    /** A zone file read offline. */
    ZONE_FILE(true, false);

    private final boolean decides;
    private final boolean mustBeAuthoritative;

    ServerRole(boolean decides, boolean mustBeAuthoritative) {
        this.decides = decides;
        this.mustBeAuthoritative = mustBeAuthoritative;
    }

    /** True when this source's answer counts for the verdict. */
    public boolean decides() {
        return decides;
    }

    /** True when an answer without the AA bit means the server is not really serving the zone (lame). */
    boolean mustBeAuthoritative() {
        return mustBeAuthoritative;
    }
}
