package app.scimconsole.console.common;

import app.scimconsole.admin.Reason;
import app.scimconsole.admin.ReasonFormat;
import app.scimconsole.domains.DomainReason;
import java.util.List;

/**
 * Reasons (a code and its arguments, from the service or from this computer's own checks) as sentences in the
 * console's language: the pattern of key {@code reason.<code>} in the bundles, its arguments read by the kinds the
 * pattern declares (see {@link ReasonFormat}); instants are shown as {@link Texts#time} shows times. A code this
 * console does not know (a newer service) gets a general sentence naming it, never a failure.
 */
public final class ReasonTexts {
    static final String PREFIX = "reason.";
    static final String FIX_PREFIX = "fix.";

    private final Texts texts;

    public ReasonTexts(Texts texts) {
        this.texts = texts;
    }

    public String text(Reason r) {
        return text(r.code(), r.args());
    }

    public String text(DomainReason r) {
        return text(r.code().code(), r.args());
    }

    /**
     * What fixes what {@code r} reports, from key {@code fix.<code>} with the reason's own arguments; null when the
     * bundles name no fix for it (a success, or something only the sender can change).
     */
    public String fix(Reason r) {
        I18n i18n = texts.i18n();
        String key = FIX_PREFIX + r.code();
        if (!i18n.has(key)) {
            return null;
        }
        return ReasonFormat.format(i18n.bundle().getString(key), i18n.locale(), r.args(), texts::time);
    }

    public String text(String code, List<String> args) {
        I18n i18n = texts.i18n();
        String key = PREFIX + code;
        if (!i18n.has(key)) {
            return i18n.text("reason.unknown", code);
        }
        return ReasonFormat.format(i18n.bundle().getString(key), i18n.locale(), args,
                texts::time);
    }
}
