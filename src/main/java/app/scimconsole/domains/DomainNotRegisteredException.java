package app.scimconsole.domains;

/** The tenant has not registered this domain ({@link ReasonCode#NOT_REGISTERED}). */
public final class DomainNotRegisteredException extends DomainFailure {
    public DomainNotRegisteredException(DomainName domain) {
        super(DomainReason.of(ReasonCode.NOT_REGISTERED, domain.unicode()));
    }
}
