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
        // The deployment comes first: nothing is "all set" until it is chosen and the public address ticked.
        assertThat(node("#serverNext").isVisible()).isFalse();
        press("#roleCheck");
        press("#ownerCheck");
        press("#dnsCheck");
        assertThat(text("#readiness")).startsWith("Choose where the service will run");
        press("#embeddedRadio");
        waitUntil("the embedded choice says what it needs", () -> node("#embeddedNext").isVisible());
        assertThat(node("#serverNext").isVisible()).isFalse();
        assertThat(text("#readiness")).doesNotContain("All set");
        press("#publicCheck");
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
        // A loopback tenant URL carries its warning beside it, and copying it says so too.
        assertThat(node("#urlWarningBox").isVisible()).isTrue();
        assertThat(text("#urlWarning")).contains("Entra cannot reach this tenant URL");
        shotAt("#stepKicker", "wizard-2-enable-credentials");

        press("#copyUrlButton");
        assertThat(clipboard()).isEqualTo(tenantUrl);
        assertThat(fx(() -> app.window().statusText())).startsWith("Tenant URL copied, but do not give it to Entra yet");
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

    @Test
    void beforeEnablingATestSaysTheAppIsOffAndAfterEnablingItTestsTheNewCredentials() {
        goTo(StepId.PROVISIONING);
        waitUntil("step 5 says the app is off", () -> text("#headline").equals("The SCIM app is not enabled yet"));
        goTo(StepId.ENABLE);
        waitUntil("the service's state is read", () -> node("#enableCard").isVisible());
        String tenantUrl = text("#testUrlField");
        assertThat(tenantUrl).contains("/scim/v2/");
        press("#testButton");
        waitUntil("the missing token is explained", () -> !text("#testResult").isEmpty());
        assertThat(text("#testResult")).contains("enabling it issues the token").doesNotContain("generate");

        clickOn("#testTokenField").write("typed-before-enabling");
        press("#testButton");
        waitUntil("the refusal is explained", () -> text("#testResult").contains("not enabled yet"));
        assertThat(text("#testResult")).doesNotContain("refused the secret token");
        shotAt("#testButton", "wizard-2-test-before-enabling");

        press("#enableButton");
        waitUntil("the token is issued", () -> text("#tokenField").startsWith("••••"));
        press("#copyTokenButton");
        String token = clipboard();
        assertThat(text("#copyTokenButton")).as("the feedback is on the pressed button").isEqualTo("✓ Copied");
        assertThat(text("#copyUrlButton")).isEqualTo("Copy");
        press("#copyUrlButton");
        assertThat(text("#copyUrlButton")).isEqualTo("✓ Copied");
        assertThat(text("#testTokenField")).isEqualTo(token);
        assertThat(text("#testUrlField")).isEqualTo(text("#tenantUrlField"));
        press("#testButton");
        waitUntil("the new credentials work", () -> text("#testResult").startsWith("Connected"));
    }

    @Test
    void mappingTableTurnsLiveAndEntrasFirstRequestIsSeen() {
        goTo(StepId.ENABLE);
        press("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        String tenantUrl = text("#tenantUrlField");
        press("#copyTokenButton");
        ScimClient entra = new ScimClient(tenantUrl, clipboard());
        verifyInService("testuser.com");

        goTo(StepId.ENTRA);
        waitUntil("the table waits for users", () -> tableTexts().contains("no users yet"));
        shot("wizard-3-entra-waiting");

        goTo(StepId.PROVISIONING);
        assertThat(text("#headline")).startsWith("Waiting for Entra");
        shot("wizard-5-provisioning-waiting");

        // Entra's first cycle: two people, without department (as when that mapping was deleted in Entra).
        assertThat(entra.createUser("alice@testuser.com", "Alice Example", "Engineer", null)).isEqualTo(201);
        assertThat(entra.createUser("bob@testuser.com", "Bob Example", null, null)).isEqualTo(201);
        waitUntil("the first request is seen", () -> text("#headline").startsWith("Entra’s first request arrived"));
        waitUntil("both people are counted", () -> text("#counts").contains("2 active users"));
        shot("wizard-5-provisioning-arrived");

        goTo(StepId.ENTRA);
        waitUntil("the table turns live", () -> tableTexts().contains("2 of 2"));
        assertThat(tableTexts()).contains("0 of 2", "1 of 2");
        assertThat(noteTexts()).hasSize(2).first().satisfies(t -> assertThat(t).contains("Looks unmapped", "department"));
        assertThat(tableTexts()).contains("⚠ Missing", "◐ Partly");
        assertThat(text("#summary")).contains("Some mappings look missing: department");
        shotAt("#mappingTable", "wizard-3-entra-live-missing");

        // Fixed in Entra; the next cycle brings everyone's department.
        assertThat(entra.createUser("carol@testuser.com", "Carol Example", "Designer", "Design")).isEqualTo(201);
        waitUntil("the department arrives", () -> tableTexts().contains("1 of 3"));
        assertThat(noteTexts()).noneMatch(t -> t.contains("Looks unmapped"));
        shotAt("#mappingTable", "wizard-3-entra-live");
    }

    @Test
    void theWizardEndsOnYoureSetUpAndLeadsToTheOverview() {
        goTo(StepId.PROVISIONING);
        assertThat(fx(() -> node("#nextButton").isDisabled())).as("Next on the last step").isFalse();
        press("#nextButton");
        ListView<StepId> stepper = node("#stepper");
        waitUntil("the wizard's end is shown", () -> stepper.getSelectionModel().getSelectedItem() == StepId.FINISH);
        // Nothing done yet: it does not say "set up", it names what is open, each a way there.
        assertThat(text("#stepTitle")).isEqualTo("Not finished yet");
        assertThat(text("#open-enable")).startsWith("Step 2: Enable the SCIM app");
        press("#open-enable");
        waitUntil("step 2 is shown", () -> stepper.getSelectionModel().getSelectedItem() == StepId.ENABLE);

        press("#enableButton");
        waitUntil("the token is issued", () -> text("#tokenField").startsWith("••••"));
        press("#copyTokenButton");
        ScimClient entra = new ScimClient(text("#tenantUrlField"), clipboard());
        verifyInService("testuser.com");
        assertThat(entra.createUser("alice@testuser.com", "Alice Example", "Engineer", "Sales")).isEqualTo(201);
        goTo(StepId.BEFORE);
        press("#serverRadio");
        press("#publicCheck");
        press("#roleCheck");
        press("#ownerCheck");
        press("#dnsCheck");
        goTo(StepId.ENTRA);
        press("#doneCheck");
        goTo(StepId.DOMAINS);
        waitUntil("the domain shows verified", () -> lookup(".domain-card").queryAll().size() == 1
                && text("#statusText").equals("Verified"));
        press("#nextButton"); // domains come before provisioning
        waitUntil("step 5 is shown", () -> stepper.getSelectionModel().getSelectedItem() == StepId.PROVISIONING);
        waitUntil("Entra's first request is seen", () -> text("#headline").startsWith("Entra’s first request arrived"));
        assertThat(node("#domainsFirstBox").isVisible()).as("a domain is verified: no warning").isFalse();

        press("#nextButton");
        waitUntil("the wizard's end is shown", () -> stepper.getSelectionModel().getSelectedItem() == StepId.FINISH);
        waitUntil("it says set up", () -> text("#stepTitle").equals("You’re set up"));
        assertThat(text("#stepKicker")).isEqualTo("All steps done");
        assertThat(text("#finishLead")).contains("nothing more to do");
        assertThat(lookup(".card .label").queryAllAs(javafx.scene.control.Label.class).stream().map(l -> l.getText()))
                .anySatisfy(t -> assertThat(t).contains("40 minutes"))
                .anySatisfy(t -> assertThat(t).contains("Provision on demand"))
                .anySatisfy(t -> assertThat(t).contains("30 days"));
        assertThat(lookup("#open-enable").tryQuery()).isEmpty();
        shot("wizard-6-finish");

        assertThat(text("#nextButton")).isEqualTo("Go to the _Overview");
        press("#nextButton");
        waitUntil("the Overview is shown", () -> ((javafx.scene.control.ToggleButton) node("#nav-overview")).isSelected());
    }

    @Test
    void aDomainIsAddedAndTurnsVerified() {
        dns.zone("example.org", 1, 300, 60);
        goTo(StepId.DOMAINS);
        shot("wizard-4-domains-empty");

        clickOn("#newDomainField").write("someone@example.org");
        waitUntil("the e-mail address is refused as typed", () -> text("#newDomainError").contains("e-mail address"));
        assertThat(fx(() -> node("#addButton").isDisabled())).isTrue();
        shot("wizard-4-domains-validation");

        push(KeyCode.CONTROL, KeyCode.A);
        write("example.org");
        waitUntil("the domain is accepted as typed", () -> !node("#addButton").isDisabled());
        push(KeyCode.ENTER);
        waitUntil("the domain's card appears", () -> lookup(".domain-card").queryAll().size() == 1);
        waitUntil("the domain is pending", () -> text("#statusText").equals("Pending"));
        assertThat(text("#recordName")).isEqualTo("_scim-console-challenge.example.org");
        assertThat(text("#schedule")).startsWith("Next automatic check in");
        shot("wizard-4-domains-pending");

        press("#copyNameButton");
        String name = clipboard();
        press("#copyValueButton");
        String value = clipboard();
        assertThat(name).isEqualTo("_scim-console-challenge.example.org");
        assertThat(value).startsWith("scim-console-verification=");

        // The owner publishes the record at the DNS provider, then checks.
        dns.txt(name, value);
        press("#checkButton");
        waitUntil("the domain is verified", () -> text("#statusText").equals("Verified"));
        waitUntil("the server says it has the record", () -> lookup(".server-grid .label").queryAllAs(
                javafx.scene.control.Label.class).stream().anyMatch(l -> l.getText().contains("has the record")));
        assertThat(text("#schedule")).startsWith("Verified since");
        assertThat(fx(() -> runtime().domains().isVerified(tenantId(), "example.org"))).isTrue();
        shot("wizard-4-domains-verified");

        // The offline check of what someone is about to publish: a wrong value is explained.
        press("#zonePane .title");
        press("#zoneText");
        write("$ORIGIN example.org.\n_scim-console-challenge 300 IN TXT \"scim-console-verification=old\"\n");
        press("#zoneCheckButton");
        waitUntil("the zone check explains the wrong value", () -> text("#zoneStatusText").equals("Wrong value"));
        assertThat(text("#zoneResult")).contains("Change the value to exactly " + value);
        shotAt("#zonePane", "wizard-4-domains-zone-check");
    }

    @Test
    void progressSurvivesARestartButTheTokenIsNeverStored() throws Exception {
        press("#roleCheck");
        press("#ownerCheck");
        goTo(StepId.ENABLE);
        press("#enableButton");
        waitUntil("the token is shown", () -> !text("#tokenField").isEmpty());
        press("#copyTokenButton");
        String token = clipboard();
        goTo(StepId.ENTRA);
        press("#doneCheck");

        close();
        String saved = java.nio.file.Files.readString(data.resolve("console.json"));
        assertThat(saved).contains("ENTRA", "before.role", "before.owner", "entra.saved").doesNotContain(token);

        launch();
        ListView<StepId> stepper = node("#stepper");
        waitUntil("the wizard reopens at step 3", () -> stepper.getSelectionModel().getSelectedItem() == StepId.ENTRA);
        assertThat(fx(() -> ((javafx.scene.control.CheckBox) node("#doneCheck")).isSelected())).isTrue();
        goTo(StepId.BEFORE);
        assertThat(fx(() -> ((javafx.scene.control.CheckBox) node("#roleCheck")).isSelected())).isTrue();
        assertThat(fx(() -> ((javafx.scene.control.CheckBox) node("#dnsCheck")).isSelected())).isFalse();
        goTo(StepId.ENABLE);
        waitUntil("the token is said to be gone", () -> node("#tokenUnknown").isVisible());
        assertThat(text("#tokenField")).isEmpty();
        shot("wizard-2-enable-after-restart");
    }

    @Test
    void peopleRefusedForAnUnregisteredDomainLeaveProvisioningOpenAndOfferTheDomain() {
        goTo(StepId.ENABLE);
        press("#enableButton");
        waitUntil("the token is issued", () -> text("#tokenField").startsWith("••••"));
        press("#copyTokenButton");
        ScimClient entra = new ScimClient(text("#tenantUrlField"), clipboard());

        goTo(StepId.PROVISIONING);
        waitUntil("turning provisioning on before a domain is verified is warned against",
                () -> node("#domainsFirstBox").isVisible());
        // Entra's first cycle anyway: a person of a domain nobody registered is refused.
        assertThat(entra.createUser("dave@contoso.com", "Dave Example", "Engineer", "Sales")).isEqualTo(400);
        waitUntil("the step says people were refused", () -> stepState(StepId.PROVISIONING)
                .equals("Refused: prove domains"));
        assertThat(fx(() -> node("#arrivedMark").isVisible())).isTrue();
        assertThat(node("#domainsFirstBox").isVisible()).as("provisioning is on now: the refusal is said instead").isFalse();
        assertThat(node("#warningBox").isVisible()).isTrue();
        assertThat(stepBadge(StepId.PROVISIONING)).as("no green check for a refused cycle").isEqualTo("5");
        shot("wizard-5-provisioning-refused");

        goTo(StepId.DOMAINS);
        waitUntil("the refused domain is offered", () -> lookup("#suggest-contoso-com").tryQuery().isPresent()
                && node("#suggestionBox").isVisible());
        assertThat(text("#suggest-contoso-com")).isEqualTo("Add contoso.com");
        shot("wizard-4-domains-offered");
        press("#suggest-contoso-com");
        waitUntil("contoso.com is registered, with its record to publish", () -> lookup(".domain-card").queryAll().size() == 1
                && lookup("#suggest-contoso-com").tryQuery().isEmpty());
        assertThat(node("#suggestionBox").isVisible()).isFalse();
    }

    /** The state line of a step in the stepper, as shown. */
    String stepState(StepId step) {
        return fx(() -> ((javafx.scene.control.Label) stepCell(step).lookup(".step-state")).getText());
    }

    String stepBadge(StepId step) {
        return fx(() -> ((javafx.scene.control.Label) stepCell(step).lookup(".step-badge")).getText());
    }

    javafx.scene.Node stepCell(StepId step) {
        ListView<StepId> stepper = node("#stepper");
        return stepper.lookupAll(".list-cell").stream()
                .filter(c -> c instanceof javafx.scene.control.ListCell<?> lc && lc.getItem() == step).findFirst().orElseThrow();
    }

    @Test
    void theWizardWorksWithTheKeyboardAlone() {
        for (int i = 0; i < 6 && !"stepper".equals(focused()); i++) {
            push(KeyCode.TAB);
        }
        assertThat(focused()).isEqualTo("stepper");
        ListView<StepId> stepper = node("#stepper");
        push(KeyCode.DOWN);
        waitUntil("the arrow key selects step 2", () -> stepper.getSelectionModel().getSelectedItem() == StepId.ENABLE);
        push(KeyCode.UP);
        waitUntil("and back to step 1", () -> stepper.getSelectionModel().getSelectedItem() == StepId.BEFORE);

        // Tab order follows the reading order: the deployment first; Space chooses and ticks, Enter goes on (Next is
        // the default button).
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("serverRadio");
        push(KeyCode.SPACE);
        waitUntil("the server choice says what comes next", () -> node("#serverNext").isVisible());
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("deployConnectionButton");
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("publicCheck");
        push(KeyCode.SPACE);
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("roleCheck");
        push(KeyCode.SPACE);
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("ownerCheck");
        push(KeyCode.SPACE);
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("dnsCheck");
        push(KeyCode.SPACE);
        assertThat(text("#readiness")).contains("All set");
        push(KeyCode.ENTER);
        waitUntil("Enter moves to step 2", () -> stepper.getSelectionModel().getSelectedItem() == StepId.ENABLE);

        push(KeyCode.ALT, KeyCode.E); // "_Enable the SCIM app"
        waitUntil("the SCIM app is enabled", () -> !text("#tenantUrlField").isEmpty());
        waitUntil("the focus moves to the first Copy button", () -> "copyUrlButton".equals(focused()));
        push(KeyCode.SPACE);
        assertThat(clipboard()).isEqualTo(text("#tenantUrlField"));
        push(KeyCode.TAB);
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("revealButton");
        push(KeyCode.SPACE);
        assertThat(text("#tokenField")).doesNotStartWith("•");
        push(KeyCode.TAB);
        assertThat(focused()).isEqualTo("copyTokenButton");
        push(KeyCode.SPACE);
        assertThat(clipboard()).isEqualTo(text("#tokenField"));

        // The regenerate confirmation: Escape cancels, and nothing changes.
        String token = clipboard();
        push(KeyCode.ALT, KeyCode.G);
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "wizard-2-regenerate-confirmation");
        push(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> lookup("#confirmButton").tryQuery().isEmpty());
        assertThat(text("#tokenField")).isEqualTo(token);
    }

    String focused() {
        return fx(() -> {
            javafx.scene.Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }

    // ---- helpers ----

    /** The lines under the mapping table. */
    java.util.List<String> noteTexts() {
        return lookup("#notes .label").queryAllAs(javafx.scene.control.Label.class).stream().map(l -> l.getText()).toList();
    }

    /** The texts of the mapping table's cells, as rendered. */
    java.util.List<String> tableTexts() {
        return lookup("#mappingTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }
}
