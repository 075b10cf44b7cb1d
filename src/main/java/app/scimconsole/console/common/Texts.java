package app.scimconsole.console.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times and durations the way people read them, in the console's language. Pure: unit-tested. */
public final class Texts {
    private final I18n i18n;
    private final ZoneId zone;

    public Texts(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    public I18n i18n() {
        return i18n;
    }

    /** "14:02" today, else a medium date and time. */
    public String time(Instant t, Instant now) {
        if (t == null) {
            return "—";
        }
        DateTimeFormatter f = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
        return f.withLocale(i18n.locale()).format(t.atZone(zone));
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
