package app.scimconsole.cli;

import app.scimconsole.admin.ReasonFormat;
import app.scimconsole.domains.DomainReason;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's sentences, in English, from {@code messages.properties} beside this package's classes: plain
 * texts by key, and reasons (codes and arguments) by their pattern {@code reason.<code>}, whose arguments are read
 * by the kinds the pattern declares (see {@link ReasonFormat}). Instants are shown in this computer's time zone.
 */
final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.scimconsole.cli.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private Texts() {
    }

    static String text(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(args);
    }

    static String reason(DomainReason r) {
        return ReasonFormat.format(BUNDLE.getString("reason." + r.code().code()), Locale.ENGLISH, r.args(),
                t -> INSTANT.format(t.atZone(ZoneId.systemDefault())));
    }
}
