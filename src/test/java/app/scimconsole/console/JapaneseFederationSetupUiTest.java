package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.client.OAuthConnectionTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;

/** {@link FederationSetupUiTest} in Japanese: every sentence it checks comes from the Japanese bundle. */
class JapaneseFederationSetupUiTest extends FederationSetupUiTest {
    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }

    @AfterEach
    void theStepSpokeJapanese() {
        // said() and i18n() read the Japanese bundle: make sure it is not English that passed for them
        assertThat(said(OAuthConnectionTest.SAID_FEDERATION_READY)).contains("完全な確認");
        assertThat(i18n().text("entra.click3.FEDERATION")).contains("トークン エンドポイント");
    }
}
