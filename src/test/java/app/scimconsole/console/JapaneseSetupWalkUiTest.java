package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.setup.StepId;
import java.io.IOException;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The setup wizard in Japanese, every step, and everything its connection test can say. */
class JapaneseSetupWalkUiTest extends JapaneseWalkUiTestBase {
    NotAService elsewhere;

    @AfterEach
    void stopElsewhere() throws IOException {
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    @Test
    void theSetupWizardAndEveryConnectionTestOutcome() throws IOException {
        screen("setup-1-before");
        fire("#embeddedRadio");
        screen("setup-1-before-embedded");
        fire("#serverRadio");
        fire("#publicCheck");
        fire("#roleCheck");
        fire("#ownerCheck");
        fire("#dnsCheck");
        screen("setup-1-before-ticked");

        show(StepId.ENABLE);
        screen("setup-2-enable-before");
        fire("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        String tenantUrl = text("#tenantUrlField");
        fire("#copyTokenButton");
        String token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4)); // shown masked but for its last four
        screen("setup-2-enable-credentials");
        fire("#revealButton");
        screen("setup-2-enable-token-revealed");
        fire("#revealButton");

        testConnection(tenantUrl, token, "setup-2-test-ok");
        testConnection(tenantUrl, "not-the-token", "setup-2-test-wrong-token");
        testConnection(tenantUrl.replaceFirst(":\\d+/", ":9/"), token, "setup-2-test-nothing-answers");
        testConnection("http://scim-console-test.invalid/scim/v2/x", token, "setup-2-test-unknown-host");
        judge.withValues("not a URL");
        testConnection("not a URL", token, "setup-2-test-bad-url");
        elsewhere = new NotAService();
        testConnection("https://127.0.0.1:" + elsewhere.plainPort() + "/scim/v2/x", token, "setup-2-test-tls");
        String site = elsewhere.url();
        testConnection(site + "/page", token, "setup-2-test-a-web-page");
        testConnection(site + "/moved", token, "setup-2-test-redirect");
        testConnection(site + "/broken", token, "setup-2-test-server-error");
        testConnection(site + "/nothing", token, "setup-2-test-wrong-path");
        testConnection(site + "/everyone", token, "setup-2-test-not-filtering");
        testConnection(tenantUrl, "", "setup-2-test-no-token");

        // SCIM turned off (on the command line, say): the token stops working, and the step offers to enable again.
        api().disableScim();
        ctx().overview().refresh();
        waitUntil("the step offers to enable again", () -> node("#enableButton").isVisible());
        testConnection(tenantUrl, token, "setup-2-test-scim-off");
        fire("#enableButton");
        waitUntil("a new token is shown", () -> !text("#tokenField").isEmpty());
        fire("#copyTokenButton");
        token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4));

        // The confirmation before a new token: a dialog of its own.
        press("#regenerateButton"); // a click: the confirmation it opens waits for an answer
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "ja-walk-setup-2-regenerate-confirmation");
        judgeScreen("setup-2-regenerate-confirmation");
        push(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> lookup("#confirmButton").tryQuery().isEmpty());

        show(StepId.ENTRA);
        waitUntil("the mapping table waits for users", () -> text("#summary").equals(
                ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-waiting");
        show(StepId.DOMAINS);
        screen("setup-4-domains-none");
        type("#newDomainField", "someone@example.org");
        waitUntil("the e-mail address is refused as typed", () -> !text("#newDomainError").isEmpty());
        judge.withValues("someone@example.org");
        screen("setup-4-domains-typed-an-address");
        show(StepId.PROVISIONING);
        waitUntil("no domain verified yet is warned of", () -> node("#domainsFirstBox").isVisible());
        screen("setup-5-provisioning-waiting");

        // Entra's first cycle: two people without a department, one in a domain nobody proved.
        ScimClient entra = new ScimClient(tenantUrl, token);
        verifyInService("testuser.com");
        people("Alice Example", "Engineer", "Bob Example", "Mallory", "Spy", "Nowhere");
        assertThat(entra.createUser("alice@testuser.com", "Alice Example", "Engineer", null)).isEqualTo(201);
        assertThat(entra.createUser("bob@testuser.com", "Bob Example", null, null)).isEqualTo(201);
        assertThat(entra.json("POST", "/Users", ScimClient.user("mallory@unverified.example", "Mallory", "Spy",
                "Nowhere"))).startsWith("400");
        waitUntil("Entra's first request is seen", () -> node("#arrivedMark").isVisible());
        waitUntil("the refused person is warned about", () -> node("#warningBox").isVisible());
        screen("setup-5-provisioning-arrived");
        show(StepId.DOMAINS);
        judge.withValues("unverified.example");
        waitUntil("the refused domain is offered", () -> lookup("#suggest-unverified-example").tryQuery().isPresent());
        screen("setup-4-domains-offered");
        show(StepId.ENTRA);
        waitUntil("the table turns live", () -> node("#rejectedBox").isVisible()
                && !text("#summary").equals(ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-live-missing");
        show(StepId.FINISH);
        // The domain of the refused person is not verified: the cycle that refused him leaves step 5 open.
        waitUntil("the open steps are listed", () -> lookup("#open-provisioning").tryQuery().isPresent());
        screen("setup-6-finish-open");

        assertAllJapanese();
    }

    /** Runs the step's connection test with this URL and token and judges what it says. */
    void testConnection(String url, String token, String screen) {
        show(StepId.ENABLE);
        String running = ctx().i18n().text("enable.test.running");
        fx(() -> {
            TextField u = node("#testUrlField");
            u.setText(url);
            PasswordField t = node("#testTokenField");
            t.setText(token);
            return null;
        });
        fire("#testButton");
        waitUntil("the test of " + url + " has an outcome", () -> !node("#testProgress").isVisible()
                && !text("#testResult").isEmpty() && !text("#testResult").equals(running));
        shotAt("#testButton", "ja-walk-" + screen);
        judgeScreen(screen);
    }
}
