package app.scimconsole.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one stored form of an instant: UTC, millisecond precision, fixed width
 * ({@code 2024-01-31T12:00:00.000Z}), so that comparing the text compares the times.
 */
final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(Instant t) {
        return t == null ? null : FIXED.format(t);
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** The precision the store keeps, so a value read back equals the value written. */
    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A client's dateTime (any ISO-8601 offset form) in the stored form; null when it is not one. */
    static String normalize(String isoDateTime) {
        try {
            return format(truncate(OffsetDateTime.parse(isoDateTime).toInstant()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
