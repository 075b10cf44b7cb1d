package app.scimconsole.domains;

/** A zone file or pasted zone text could not be read; the reason is one of the {@code ZONE_…} codes. */
public final class ZoneFileException extends DomainFailure {
    ZoneFileException(ReasonCode code, Object... args) {
        super(DomainReason.of(code, args));
    }
}
