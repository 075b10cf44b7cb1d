package app.scimconsole.domains;

/**
 * A refusal of the domain operations (a mistyped name, an unregistered domain, a domain verified elsewhere, zone
 * text that cannot be read), with its reason as data. The message is that reason's code and arguments, for logs;
 * people read the sentence an edge makes from the reason.
 */
public abstract class DomainFailure extends RuntimeException {
    private final transient DomainReason reason;

    DomainFailure(DomainReason reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public DomainReason reason() {
        return reason;
    }
}
