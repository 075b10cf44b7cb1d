package app.scimconsole.domains;

/** The text given is not a domain name we can verify; the reason is one of the {@code NAME_…} codes. */
public final class InvalidDomainException extends DomainFailure {
    InvalidDomainException(ReasonCode code, Object... args) {
        super(DomainReason.of(code, args));
    }
}
