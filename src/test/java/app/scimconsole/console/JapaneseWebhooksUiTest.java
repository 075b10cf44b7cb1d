package app.scimconsole.console;

import java.util.Locale;

/** {@link WebhooksUiTest} in Japanese: the same walk, every text from the Japanese bundle. */
class JapaneseWebhooksUiTest extends WebhooksUiTest {
    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }
}
