package app.scimconsole.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Sentences for the CLI's reader, in English, made from a reason's code and arguments with the same English texts
 * the console shows, so the two never word one reason differently.
 */
final class EnglishReasons {
    private static final String BUNDLE = "app.scimconsole.console.messages";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private EnglishReasons() {
    }

    /** The sentence for {@code code}; a code this version has no text for is shown as the code and its arguments. */
    static String sentence(String code, List<String> args) {
        try {
            return new MessageFormat(ENGLISH.getString(code), Locale.ENGLISH).format(args.toArray());
        } catch (MissingResourceException e) {
            return args.isEmpty() ? code : code + " " + args;
        }
    }
}
