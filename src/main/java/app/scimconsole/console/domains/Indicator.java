package app.scimconsole.console.domains;

import java.util.Locale;

/** The status dot of a domain: the service's stored standing, as the owner reads it. */
public enum Indicator {
    VERIFIED, PENDING, MISMATCH, ERROR, EXPIRED, LOST, UNKNOWN;

    /** From the admin API's status text (a {@code DomainStatus} or {@code VerificationStatus} name). */
    public static Indicator of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The CSS class of the dot and label: {@code status-verified}, … */
    public String styleClass() {
        return "status-" + name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "domain.status." + name().toLowerCase(Locale.ROOT);
    }
}
