package app.scimconsole.cli;

import app.scimconsole.admin.ReasonFormat;
import app.scimconsole.domains.DomainReason;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
    private static final ResourceBundle CONSOLE_ENGLISH = ResourceBundle.getBundle("app.scimconsole.console.messages",
            Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private Texts() {
    }

    static String text(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(args);
    }

    static String reason(DomainReason r) {
        return reason(r.code().code(), r.args());
    }

    /**
     * The sentence for a reason: this bundle's pattern, else the console's English one (the activity log's and the
     * protocol's reasons are worded once, for both); a code neither knows is shown as the code and its arguments.
     */
    static String reason(String code, List<String> args) {
        String key = "reason." + code;
        ResourceBundle from = BUNDLE.containsKey(key) ? BUNDLE : CONSOLE_ENGLISH.containsKey(key) ? CONSOLE_ENGLISH : null;
        if (from == null) {
            return args.isEmpty() ? code : code + " " + args;
        }
        return ReasonFormat.format(from.getString(key), Locale.ENGLISH, args,
                t -> INSTANT.format(t.atZone(ZoneId.systemDefault())));
    }
}
