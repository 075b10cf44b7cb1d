package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
    final Texts en = new Texts(I18n.forLocale(Locale.ENGLISH), ZoneOffset.UTC);
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void ago() {
        assertThat(en.ago(null, now)).isEqualTo("never");
        assertThat(en.ago(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(en.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
        assertThat(en.ago(now.minus(Duration.ofMinutes(42)), now)).isEqualTo("42 minutes ago");
        assertThat(en.ago(now.minus(Duration.ofHours(5)), now)).isEqualTo("5 hours ago");
        assertThat(en.ago(now.minus(Duration.ofDays(3)), now)).isEqualTo("3 days ago");
    }

    @Test
    void countdown() {
        assertThat(en.countdown(now.minusSeconds(1), now)).isEqualTo("now");
        assertThat(en.countdown(now.plusSeconds(65), now)).isEqualTo("1:05");
        assertThat(en.countdown(now.plus(Duration.ofMinutes(61)), now)).isEqualTo("1:01:00");
        assertThat(en.countdown(now.plus(Duration.ofHours(23).plusMinutes(59)), now)).isEqualTo("23 h 59 min");
    }

    @Test
    void everyTimeCarriesItsDateInTheFormItsReadersExpect() {
        assertThat(en.time(now.minusSeconds(3600))).isEqualTo("Mar 2, 2026, 11:00 AM");
        assertThat(en.time(null)).isEqualTo("—");
        Texts ja = new Texts(I18n.forLocale(Locale.JAPANESE), ZoneId.of("Asia/Tokyo"));
        assertThat(ja.time(Instant.parse("2026-12-06T05:02:00Z"))).isEqualTo("2026/12/06 14:02");
        assertThat(ja.time(Instant.parse("2026-12-06T00:05:00Z"))).isEqualTo("2026/12/06 09:05");
    }

    @Test
    void filesGetIso8601WithTheOffset() {
        Texts tokyo = new Texts(I18n.forLocale(Locale.ENGLISH), ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.iso(Instant.parse("2026-12-06T05:02:05.123Z"))).isEqualTo("2026-12-06T14:02:05+09:00");
        assertThat(en.iso(Instant.parse("2026-12-06T05:02:05Z"))).isEqualTo("2026-12-06T05:02:05Z");
        assertThat(en.iso(null)).isEmpty();
    }
}
