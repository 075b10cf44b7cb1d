package app.scimconsole.console.common;

import app.scimconsole.admin.AdminException;
import app.scimconsole.domains.DomainFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into one plain sentence for the owner. Failures with a reason (the admin client's, the service's,
 * the domain checks') are said from the bundles; failures that already carry such a sentence keep it; anything
 * else gets a general sentence, and its details go to the log, never to the screen.
 */
public final class Problems {
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** A failure whose message is already written for people. */
    public static final class PlainException extends RuntimeException {
        private final String key;
        private final Object[] args;

        /** {@code message}: already in the console's language. */
        public PlainException(String message) {
            this(message, null);
        }

        /**
         * For code without the console's texts at hand: {@code english} is the message (logs, tests), and the
         * message {@code key} with {@code args} says it in the console's language.
         */
        public PlainException(String english, String key, Object... args) {
            super(english, null, false, false);
            this.key = key;
            this.args = args.clone();
        }
    }

    public static String describe(Throwable failure, I18n i18n) {
        Throwable t = unwrap(failure);
        if (t instanceof AdminException a && a.reason() != null) {
            return i18n.text(reasonKey("problem.admin.", a.reason()), a.details().toArray());
        }
        if (t instanceof AdminException a && a.why() != null) {
            return reasons(i18n).text(a.why());
        }
        if (t instanceof DomainFailure d) {
            return reasons(i18n).text(d.reason());
        }
        if (t instanceof PlainException p && p.key != null) {
            return i18n.text(p.key, p.args);
        }
        if (t instanceof AdminException || t instanceof PlainException) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                return m;
            }
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            LOG.log(Level.WARNING, "I/O failure in the console", t);
            return i18n.text("problem.io", t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        LOG.log(Level.ERROR, "Unexpected failure in the console", t);
        return i18n.text("problem.unexpected");
    }

    /** Without the console's own zone at hand here, a failure's instants are shown in this computer's. */
    private static ReasonTexts reasons(I18n i18n) {
        return new ReasonTexts(new Texts(i18n, ZoneId.systemDefault()));
    }

    /** The message key of a reason: the prefix and the reason in lower camel case (HOST_UNKNOWN → hostUnknown). */
    static String reasonKey(String prefix, Enum<?> reason) {
        String[] words = reason.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(prefix).append(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
