package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.Property;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The stored text of an instant, written by hand for years 0000 to 9999, is what the formatter writes. */
class TimestampsTest {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long FROM = Instant.parse("-0002-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("+10002-01-01T00:00:00Z").getEpochSecond();

    @Test
    void everyInstantIsWrittenAsTheFormatterWritesIt() {
        Property.forAll(100000, r -> Instant.ofEpochSecond(FROM + (long) (r.nextDouble() * (TO - FROM)),
                r.nextInt(1_000_000_000)), t -> assertThat(Timestamps.format(t)).isEqualTo(FIXED.format(t)));
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T12:34:56.007Z"}) {
            Instant t = Instant.parse(edge);
            assertThat(Timestamps.format(t)).as(edge).isEqualTo(FIXED.format(t));
        }
        assertThat(Timestamps.format(Instant.parse("2024-02-29T12:34:56.007891Z"))).isEqualTo("2024-02-29T12:34:56.007Z");
        assertThat(Timestamps.format(null)).isNull();
    }

    @Test
    void theStoredFormIsReadAsInstantParseReadsIt() {
        Property.forAll(100000, r -> Timestamps.format(Instant.ofEpochSecond(FROM + (long) (r.nextDouble() * (TO - FROM)),
                r.nextInt(1_000_000_000))), text -> assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text)));
        for (String odd : new String[] {"2024-02-30T00:00:00.000Z", "2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z",
                "2024-00-01T00:00:00.000Z", "2024-01-01T24:00:00.000Z", "2024-01-01T23:60:00.000Z",
                "2016-12-31T23:59:60.000Z", "2024-01-01T00:00:00.0a0Z", "2024-1-01T00:00:00.0000Z", "+2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456Z", "２０２４-01-01T00:00:00.000Z"}) {
            Object expected;
            try {
                expected = Instant.parse(odd);
            } catch (RuntimeException e) {
                expected = e.getClass();
            }
            Object actual;
            try {
                actual = Timestamps.parse(odd);
            } catch (RuntimeException e) {
                actual = e.getClass();
            }
            assertThat(actual).as(odd).isEqualTo(expected);
        }
        assertThat(Timestamps.parse(null)).isNull();
    }
}
