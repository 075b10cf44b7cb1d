package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.setup.StepId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the Japanese console, screen by screen and state by state, and fails on any text that is not Japanese from
 * its bundle (values and a few product words aside, see {@link JapaneseJudge}). Every screen is saved as
 * {@code target/screenshots/ja-walk-<screen>.png}, and every text read, with its verdict, goes to
 * {@code target/screenshots/ja-walk-<test>.txt}.
 */
class JapaneseWalkUiTest extends ConsoleUiTestBase {
    final JapaneseJudge judge = JapaneseJudge.ofConsoleBundle();
    /** Per screen, the texts that are not Japanese from the bundle. */
    final Map<String, List<String>> english = new LinkedHashMap<>();
    final List<String> report = new ArrayList<>();
    NotAService elsewhere;

    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }

    @AfterEach
    void stopElsewhere() throws IOException {
        if (elsewhere != null) {
            elsewhere.close();
        }
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("ja-walk-" + testName + ".txt"), report, StandardCharsets.UTF_8);
    }

    @Test
    void theSetupWizardAndEveryConnectionTestOutcome() throws IOException {
        screen("setup-1-before");
        press("#roleCheck");
        press("#ownerCheck");
        press("#dnsCheck");
        screen("setup-1-before-ticked");

        goTo(StepId.ENABLE);
        screen("setup-2-enable-before");
        press("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        String tenantUrl = text("#tenantUrlField");
        press("#copyTokenButton");
        String token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4)); // shown masked but for its last four
        screen("setup-2-enable-credentials");
        press("#revealButton");
        screen("setup-2-enable-token-revealed");
        press("#revealButton");

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
        press("#enableButton");
        waitUntil("a new token is shown", () -> !text("#tokenField").isEmpty());
        press("#copyTokenButton");
        token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4));

        // The confirmation before a new token: a dialog of its own.
        press("#regenerateButton");
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "ja-walk-setup-2-regenerate-confirmation");
        judgeScreen("setup-2-regenerate-confirmation");
        push(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> lookup("#confirmButton").tryQuery().isEmpty());

        goTo(StepId.ENTRA);
        waitUntil("the mapping table waits for users", () -> text("#summary").equals(
                ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-waiting");
        goTo(StepId.PROVISIONING);
        screen("setup-4-provisioning-waiting");
        goTo(StepId.DOMAINS);
        screen("setup-5-domains-none");
        clickOn("#newDomainField").write("someone@example.org");
        waitUntil("the e-mail address is refused as typed", () -> !text("#newDomainError").isEmpty());
        judge.withValues("someone@example.org");
        screen("setup-5-domains-typed-an-address");
        goTo(StepId.PROVISIONING);

        // Entra's first cycle: two people without a department, one in a domain nobody proved.
        ScimClient entra = new ScimClient(tenantUrl, token);
        verifyInService("testuser.com");
        people("Alice Example", "Engineer", "Bob Example", "Mallory", "Spy", "Nowhere");
        assertThat(entra.createUser("alice@testuser.com", "Alice Example", "Engineer", null)).isEqualTo(201);
        assertThat(entra.createUser("bob@testuser.com", "Bob Example", null, null)).isEqualTo(201);
        assertThat(entra.json("POST", "/Users", DirectoryUiTest.user("mallory@unverified.example", "Mallory", "Spy",
                "Nowhere"))).startsWith("400");
        waitUntil("Entra's first request is seen", () -> node("#arrivedMark").isVisible());
        waitUntil("the refused person is warned about", () -> node("#warningBox").isVisible());
        screen("setup-4-provisioning-arrived");
        goTo(StepId.ENTRA);
        waitUntil("the table turns live", () -> node("#rejectedBox").isVisible()
                && !text("#summary").equals(ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-live-missing");

        assertAllJapanese();
    }

    /** Runs the step's connection test with this URL and token and judges what it says. */
    void testConnection(String url, String token, String screen) {
        goTo(StepId.ENABLE);
        String running = ctx().i18n().text("enable.test.running");
        fx(() -> {
            TextField u = node("#testUrlField");
            u.setText(url);
            PasswordField t = node("#testTokenField");
            t.setText(token);
            return null;
        });
        press("#testButton");
        waitUntil("the test of " + url + " has an outcome", () -> !node("#testProgress").isVisible()
                && !text("#testResult").isEmpty() && !text("#testResult").equals(running));
        shotAt("#testButton", "ja-walk-" + screen);
        judgeScreen(screen);
    }

    /** Values the test gives the service: shown as they are, in any language. */
    void people(String... values) {
        judge.withValues(values);
    }

    // ---- judging ---------------------------------------------------------------------------------------------------

    /** Saves the window and judges every text on screen. */
    void screen(String name) {
        shot("ja-walk-" + name);
        judgeScreen(name);
    }

    void judgeScreen(String name) {
        List<VisibleTexts.Seen> seen = fx(VisibleTexts::onScreen);
        Set<String> judged = new LinkedHashSet<>();
        report.add("== " + name);
        for (VisibleTexts.Seen s : seen) {
            if (!judged.add(s.text())) {
                continue;
            }
            var rest = judge.unexplained(s.text());
            report.add((rest.isPresent() ? "NOT JAPANESE  " : "ok  ") + oneLine(s.text()) + "    @ " + s.where());
            rest.ifPresent(r -> english.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("«" + oneLine(s.text()) + "» at " + s.where()
                            + (r.equals(s.text()) ? "" : " (from «" + oneLine(r) + "»)")));
        }
    }

    void assertAllJapanese() {
        StringBuilder b = new StringBuilder();
        english.forEach((screen, texts) -> {
            b.append("\n").append(screen).append(":");
            texts.forEach(t -> b.append("\n    ").append(t));
        });
        assertThat(english).as("texts that are not Japanese from the bundle, by screen:" + b).isEmpty();
    }

    static String oneLine(String s) {
        String flat = s.replace("\n", "⏎");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    AdminApi api() {
        return ctx().connection().api();
    }
}
