package app.scimconsole.domains;

/**
 * The text given is not a domain name we can verify. The message is written for the organization owner and can
 * be shown as is.
 */
public final class InvalidDomainException extends IllegalArgumentException {
    public InvalidDomainException(String message) {
        super(message);
    }
}
