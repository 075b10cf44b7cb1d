package app.scimconsole.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

    /** The years written by hand: 0000 to 9999, four digits without a sign (the formatter writes the others). */
    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(Instant t) {
        if (t == null) {
            return null;
        }
        long seconds = t.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return FIXED.format(t);
        }
        // Written out by hand: every write formats a few instants, and the formatter's general machinery (a
        // zoned date-time and a field query per letter) cost more than the rest of it (issue 21).
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, t.getNano(), ZoneOffset.UTC);
        char[] out = new char[24];
        digits(out, 0, d.getYear(), 4);
        out[4] = '-';
        digits(out, 5, d.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, d.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, d.getHour(), 2);
        out[13] = ':';
        digits(out, 14, d.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, d.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, d.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            // The stored form, read by hand (each row read has two): anything unusual in it (a field out of range,
            // a leap second) is left to Instant.parse, which accepts or refuses it as it always has.
            int year = number(text, 0, 4);
            int month = number(text, 5, 2);
            int day = number(text, 8, 2);
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            int millis = number(text, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= YearMonth.of(year, month).lengthOfMonth() && hour <= 23 && minute <= 59 && second <= 59) {
                return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** The {@code width} decimal digits at {@code at}, or -1 when any is not an ASCII digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
