package app.scimconsole.domains;

/**
 * A specific reason why a domain is not verified (or a warning although it is): what is wrong, and what to do about
 * it, each as a reason for the owner.
 */
public record Diagnosis(Kind kind, DomainReason problem, DomainReason fix) {
    public enum Kind {
        /** The value was published at the domain itself instead of at the challenge name. */
        TOKEN_AT_APEX,
        /** The DNS provider appended the domain to a full name that was typed in: {@code _x.example.com.example.com}. */
        NAME_DOUBLED,
        /** The value carries literal quotes or surrounding spaces. */
        QUOTES_OR_SPACES,
        /** The challenge record holds some other value. */
        OTHER_VALUE,
        /** The challenge name is a CNAME, which hides any TXT record. */
        CNAME_AT_CHALLENGE,
        /** Some authoritative servers have the record and others do not yet. */
        PARTIALLY_PUBLISHED,
        /** This computer's resolver does not see the record yet although the name servers publish it. */
        RESOLVER_BEHIND,
        /** This computer's resolver fails for the name although the name servers answer. */
        RESOLVER_FAILURE,
        /** A name server did not answer at all: it timed out, or could not be reached. */
        SERVER_DOWN,
        /** A name server answered, but not for the zone: it refused, failed, or is not authoritative (lame). */
        SERVER_LAME,
        /** The parent's delegation (the registrar) and the zone's NS records list different name servers. */
        DELEGATION_MISMATCH,
        /** The challenge name's CNAME chain loops, or is too long to follow. */
        CNAME_CHAIN_BROKEN,
        /** A name in the challenge name's CNAME chain does not exist, so the chain leads nowhere. */
        CNAME_TARGET_MISSING,
        /** A name server is listed (by the zone or its parent) under a host name that has no address at all. */
        NAME_SERVER_WITHOUT_ADDRESS,
        /** The parent zone's servers could not be read, so the registrar's list of name servers was not compared. */
        DELEGATION_UNCHECKED,
        /**
         * The parent zone's servers answer that the zone does not exist: it is not delegated (never set up at the
         * registrar, or its registration lapsed). Not a warning: the status is PENDING (see {@link Verdict}).
         */
        NOT_DELEGATED
    }
}
