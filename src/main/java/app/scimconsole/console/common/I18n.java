package app.scimconsole.console.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts: one bundle ({@code messages.properties}, {@code messages_ja.properties}) shared by FXML
 * ({@code %key}) and code. Keys with arguments are formatted with {@link MessageFormat}; texts use the typographic
 * apostrophe (’), so no quote doubling is needed.
 */
public final class I18n {
    public static final String BUNDLE = "app.scimconsole.console.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private I18n(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle for {@code locale}, falling back to English (never to the computer's default language). */
    public static I18n forLocale(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new I18n(b, locale);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The text without its mnemonic, for what is read rather than pressed (an accessible name): "_Copy" → "Copy",
     * "コピー(_C)" → "コピー".
     */
    public String withoutMnemonic(String key) {
        return text(key).replaceAll("\\(_\\p{Alnum}\\)", "").replace("_", "");
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
