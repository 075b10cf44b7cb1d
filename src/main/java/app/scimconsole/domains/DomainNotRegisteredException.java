package app.scimconsole.domains;

/** The tenant has not registered this domain; the message says so in plain words. */
public final class DomainNotRegisteredException extends RuntimeException {
    public DomainNotRegisteredException(DomainName domain) {
        super(domain.unicode() + " is not registered. Add it first to get its DNS record.");
    }
}
