package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.client.OAuthConnectionTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;

/** {@link OAuthSetupUiTest} in Japanese: every sentence it checks comes from the Japanese bundle. */
class JapaneseOAuthSetupUiTest extends OAuthSetupUiTest {
    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }

    @AfterEach
    void theStepSpokeJapanese() {
        // said() reads the Japanese bundle: make sure it is not English that passed for it
        assertThat(said(OAuthConnectionTest.SAID_INVALID_CLIENT, 401))
                .contains("クライアント シークレットを拒否しました");
    }
}
