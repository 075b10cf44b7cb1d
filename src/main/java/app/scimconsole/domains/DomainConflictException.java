package app.scimconsole.domains;

/** The domain is already verified by another organization ({@link ReasonCode#VERIFIED_ELSEWHERE}). */
public final class DomainConflictException extends DomainFailure {
    public DomainConflictException(DomainName domain) {
        super(DomainReason.of(ReasonCode.VERIFIED_ELSEWHERE, domain.unicode(), RecheckPolicy.GRACE.toHours()));
    }
}
