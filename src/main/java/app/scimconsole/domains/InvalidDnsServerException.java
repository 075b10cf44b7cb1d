package app.scimconsole.domains;

/** The DNS server given ({@code --dns-server}) is not one; the reason is one of the {@code DNS_SERVER_…} codes. */
public final class InvalidDnsServerException extends DomainFailure {
    InvalidDnsServerException(ReasonCode code, Object... args) {
        super(DomainReason.of(code, args));
    }
}
