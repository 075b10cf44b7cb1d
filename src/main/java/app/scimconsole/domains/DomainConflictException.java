package app.scimconsole.domains;

/** The domain is already verified by another organization; the message says so in plain words. */
public final class DomainConflictException extends RuntimeException {
    public DomainConflictException(DomainName domain) {
        super(domain.unicode() + " is already verified by another organization. A domain can belong to one "
                + "organization only; if it is now yours, the other organization loses it once the old record is "
                + "gone for " + RecheckPolicy.GRACE.toHours() + " hours, and you can verify it then.");
    }
}
