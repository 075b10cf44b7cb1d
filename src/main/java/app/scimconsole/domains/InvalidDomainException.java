package app.scimconsole.domains;

import java.util.List;

/**
 * The text given is not a domain name we can verify. The message is written for the organization owner (in
 * English) and can be shown as is; the {@link Reason} and its details let the console say it in the owner's
 * language.
 */
public final class InvalidDomainException extends IllegalArgumentException {
    /** What is wrong with the text; the details are the reason's arguments, in order. */
    public enum Reason {
        EMPTY,
        /** details: the text */
        IP_ADDRESS,
        /** details: the text */
        NOT_FULL,
        /** details: the most characters allowed, the characters it has */
        TOO_LONG,
        /** details: the text */
        ENDS_IN_NUMBER,
        EMAIL_ADDRESS,
        WEB_ADDRESS,
        /** details: the text */
        EMPTY_PART,
        /** details: the part */
        BAD_CHARACTERS,
        /** details: the part (shortened), the most characters allowed */
        PART_TOO_LONG,
        /** details: the part */
        HYPHEN_AT_END
    }

    private final Reason reason;
    private final List<String> details;

    public InvalidDomainException(String message, Reason reason, String... details) {
        super(message);
        this.reason = reason;
        this.details = List.of(details);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }
}
