package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.setup.StepId;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Drives the real setup wizard against a real embedded service, headless. */
class SetupWizardUiTest extends ConsoleUiTestBase {

    @Test
    void enableScimCopyCredentialsAndTestTheConnection() {
        shot("wizard-1-before-you-start");
        press("#roleCheck");
        press("#ownerCheck");
        press("#dnsCheck");
        assertThat(text("#readiness")).contains("All set");
        shot("wizard-1-before-you-start-ticked");

        push(KeyCode.ALT, KeyCode.N); // Next, by its mnemonic
        ListView<StepId> stepper = node("#stepper");
        waitUntil("step 2 is shown", () -> stepper.getSelectionModel().getSelectedItem() == StepId.ENABLE);
        shot("wizard-2-enable-before");

        press("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        String tenantUrl = text("#tenantUrlField");
        assertThat(tenantUrl).startsWith("http://127.0.0.1:").contains("/scim/v2/");
        assertThat(text("#tokenField")).startsWith("••••");
        shot("wizard-2-enable-credentials");

        press("#copyUrlButton");
        assertThat(clipboard()).isEqualTo(tenantUrl);
        press("#copyTokenButton");
        String token = clipboard();
        assertThat(token).hasSizeGreaterThan(30).doesNotContain("•");
        assertThat(new ScimClient(tenantUrl, token).get("/Users?count=1")).isEqualTo(200);

        press("#revealButton");
        assertThat(text("#tokenField")).isEqualTo(token);
        press("#revealButton");
        assertThat(text("#tokenField")).startsWith("••••");

        press("#testButton");
        waitUntil("the connection test succeeded", () -> text("#testResult").startsWith("Connected"));
        shotAt("#testButton", "wizard-2-test-connection-ok");

        // A wrong token, as when an old one was pasted into Entra: refused, and said so.
        clickOn("#testTokenField");
        push(KeyCode.CONTROL, KeyCode.A);
        write("not-the-token");
        push(KeyCode.ENTER);
        waitUntil("the wrong token is explained", () -> text("#testResult").contains("refused the secret token"));
        assertThat(text("#testResult")).contains("401");
        shotAt("#testButton", "wizard-2-test-connection-wrong-token");

        // A closed port: nothing answers.
        fx(() -> {
            javafx.scene.control.TextField f = node("#testUrlField");
            f.setText(tenantUrl.replaceFirst(":\\d+/", ":9/"));
            javafx.scene.control.PasswordField t = node("#testTokenField");
            t.setText(token);
            return null;
        });
        press("#testButton");
        waitUntil("the closed port is explained", () -> text("#testResult").contains("Nothing answered"));
        shotAt("#testButton", "wizard-2-test-connection-closed-port");
    }
}
