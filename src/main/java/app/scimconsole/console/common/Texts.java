package app.scimconsole.console.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Times and durations the way people read them, in the console's language. Pure: unit-tested. */
public final class Texts {
    private static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm", Locale.JAPANESE);

    private final I18n i18n;
    private final ZoneId zone;

    public Texts(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    public I18n i18n() {
        return i18n;
    }

    /**
     * A moment as people read it, always with its date, in this computer's time zone: "2026/12/06 14:02" in Japanese
     * (the order and 24-hour clock Japanese readers expect), the language's medium date and short time otherwise
     * ("Dec 6, 2026, 2:02 PM"). Every view tells times this way, so a time in one view reads like one in another.
     */
    public String time(Instant t) {
        if (t == null) {
            return "—";
        }
        return formatter().format(t.atZone(zone));
    }

    /** For files (CSV exports): ISO 8601 to the second with this computer's offset, "2026-12-06T14:02:05+09:00". */
    public String iso(Instant t) {
        if (t == null) {
            return "";
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS));
    }

    private DateTimeFormatter formatter() {
        Locale l = i18n.locale();
        if ("ja".equals(l.getLanguage())) {
            return JAPANESE;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(l);
    }

    /** "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
    public String ago(Instant t, Instant now) {
        if (t == null) {
            return i18n.text("time.never");
        }
        long s = Math.max(0, Duration.between(t, now).getSeconds());
        if (s < 60) {
            return i18n.text("time.justNow");
        }
        if (s < 3600) {
            return i18n.text("time.minutesAgo", s / 60);
        }
        if (s < 86400) {
            return i18n.text("time.hoursAgo", s / 3600);
        }
        return i18n.text("time.daysAgo", s / 86400);
    }

    /** A countdown: "4:05", "1:02:03", "23 h 59 min", or "now" when due. */
    public String countdown(Instant due, Instant now) {
        long s = Duration.between(now, due).getSeconds();
        if (s <= 0) {
            return i18n.text("time.now");
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h >= 2) {
            return i18n.text("time.hoursMinutes", h, m);
        }
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
