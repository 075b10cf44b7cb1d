package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.client.OAuthConnectionTest;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.setup.StepId;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Setup step 2 with OAuth 2.0 client credentials, walked in the real console on its embedded service: the owner
 * chooses the method, adds the client, sees Entra's four fields, copies the secret, and tests the connection as
 * Entra would -- then with a wrong secret, which is said plainly. {@link JapaneseOAuthSetupUiTest} walks it in Japanese.
 */
class OAuthSetupUiTest extends ConsoleUiTestBase {
    I18n i18n() {
        return I18n.forLocale(locale());
    }

    String said(String code, Object... args) {
        return new TestUi(locale()).kit.reasons().text(Reason.of(code, args));
    }

    @Test
    void addAClientThenTestTheConnectionWithItsSecretAndWithAWrongOne() {
        goTo(StepId.ENABLE);
        waitUntil("the service's state is read", () -> node("#enableCard").isVisible());
        press("#enableButton");
        waitUntil("the app is enabled", () -> node("#methodCard").isVisible());
        assertThat(node("#secretTokenPane").isVisible()).as("the secret token is the default").isTrue();
        assertThat(node("#oauthPane").isVisible()).isFalse();

        press("#method-OAUTH_CLIENT");
        waitUntil("the OAuth pane is shown", () -> node("#oauthPane").isVisible());
        assertThat(node("#secretTokenPane").isVisible()).isFalse();
        assertThat(node("#testOAuthGrid").isVisible()).isTrue();
        waitUntil("the service keeps the choice",
                () -> AdminApi.METHOD_OAUTH_CLIENT.equals(ctx().overview().get().authMethod()));

        press("#addClientButton");
        waitUntil("the client is added", () -> !text("#clientSecretField").isEmpty());
        String tenant = tenantId();
        assertThat(text("#tokenEndpointField")).endsWith("/oauth2/v1/" + tenant + "/token");
        assertThat(text("#clientIdField")).startsWith("scim-");
        assertThat(node("#whereInEntra").isVisible()).isTrue();
        assertThat(node("#secretOnce").isVisible()).isTrue();
        waitUntil("the secret is listed", () -> !((javafx.scene.layout.VBox) node("#secretList")).getChildren().isEmpty());
        shotAt("#methodCard", "oauth-" + locale().getLanguage() + "-1-client-added");

        press("#copyClientSecretButton");
        assertThat(clipboard()).isEqualTo(text("#clientSecretField"));
        assertThat(text("#copyClientSecretButton")).isEqualTo(i18n().text("common.copied"));
        assertThat(text("#testClientSecretField")).isEqualTo(text("#clientSecretField"));
        assertThat(text("#testEndpointField")).isEqualTo(text("#tokenEndpointField"));

        press("#testButton");
        waitUntil("the test succeeds", () -> text("#testResult").equals(said(ConnectionTest.SAID_OK)));
        shotAt("#testCard", "oauth-" + locale().getLanguage() + "-2-test-ok");

        TextInputControl secret = node("#testClientSecretField");
        reveal(secret);
        clickOn(secret).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("wrong-secret");
        assertThat(text("#testClientSecretField")).isEqualTo("wrong-secret");
        press("#testButton");
        String refused = said(OAuthConnectionTest.SAID_INVALID_CLIENT, 401);
        waitUntil("the wrong secret is said plainly", () -> text("#testResult").equals(refused));
        shotAt("#testCard", "oauth-" + locale().getLanguage() + "-3-wrong-secret");
    }
}
