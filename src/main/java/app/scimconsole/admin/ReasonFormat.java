package app.scimconsole.admin;

import java.math.BigDecimal;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How an edge (the console, the command line) makes the sentence of a {@link Reason} from its own pattern for the
 * code. The pattern declares each argument's kind in {@link MessageFormat}'s terms, and the argument's text is
 * read as that kind: {@code {n,number,…}} or {@code {n,choice,…}} a number, {@code {n,time}} an ISO-8601 instant
 * shown by the edge's own instant format (its reader's time zone), {@code {n}} text as it is. An argument that is
 * not of its declared kind is shown as it is, never a failure.
 */
public final class ReasonFormat {
    private ReasonFormat() {
    }

    public static String format(String pattern, Locale locale, List<String> args, Function<Instant, String> instants) {
        MessageFormat message = new MessageFormat(pattern, locale);
        Format[] kinds = message.getFormatsByArgumentIndex();
        Object[] values = new Object[Math.max(kinds.length, args.size())];
        for (int i = 0; i < values.length; i++) {
            String arg = i < args.size() ? args.get(i) : "";
            Format kind = i < kinds.length ? kinds[i] : null;
            if (kind instanceof NumberFormat) {
                values[i] = number(arg);
            } else if (kind instanceof DateFormat) {
                values[i] = instant(arg, instants);
            } else {
                values[i] = arg;
            }
            if (kind != null && values[i] instanceof String) {
                message.setFormatByArgumentIndex(i, null); // shown as it is
            }
        }
        return message.format(values);
    }

    private static Object number(String arg) {
        try {
            return Long.parseLong(arg);
        } catch (NumberFormatException notWhole) {
            try {
                return new BigDecimal(arg);
            } catch (NumberFormatException notANumber) {
                return arg;
            }
        }
    }

    private static String instant(String arg, Function<Instant, String> instants) {
        try {
            return instants.apply(Instant.parse(arg));
        } catch (DateTimeParseException e) {
            return arg;
        }
    }
}
