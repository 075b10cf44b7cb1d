package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.setup.StepId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** What the Overview and the wizard warn of lasts exactly as long as its cause, across a restart too. */
class OverviewTruthUiTest extends ConsoleUiTestBase {

    @Test
    void aDomainsWarningEndsWithItsCauseAndEntrasLastCycleOutlivesARestart() throws Exception {
        AdminApi.Credentials credentials = runtime().admin().enableScim();
        ScimClient entra = new ScimClient(credentials.tenantUrl(), credentials.secretToken());
        dns.zone("contoso.com", 1, 300, 60);
        var domains = runtime().domains();
        String tenant = tenantId();
        var challenge = domains.add(tenant, "contoso.com").challenge(); // registered, not verified yet
        assertThat(entra.createUser("alice@contoso.com", "Alice Example", "Engineer", "Sales")).isEqualTo(400);

        press("#nav-overview");
        waitUntil("the refusal is warned of", () -> warnings().stream().anyMatch(w -> w.contains("contoso.com")));
        assertThat(warnings()).as("one domain, one warning").filteredOn(w -> w.contains("contoso.com")).hasSize(1)
                .first().satisfies(w -> assertThat(w).contains("rejected"));
        shot("overview-refused-domain-one-warning");
        press("#nav-setup");
        goTo(StepId.ENTRA);
        waitUntil("step 3 warns of the refusal", () -> node("#rejectedBox").isVisible());
        goTo(StepId.PROVISIONING);
        waitUntil("step 5 warns of the refusal", () -> node("#warningBox").isVisible());

        // The owner publishes the record; the domain turns verified: every warning of its refusal ends.
        dns.txt(challenge.recordName(), challenge.recordValue());
        assertThat(domains.verify(tenant, "contoso.com").result().isVerified()).isTrue();
        waitUntil("step 5 no longer warns", () -> !node("#warningBox").isVisible());
        goTo(StepId.ENTRA);
        waitUntil("step 3 no longer warns", () -> !node("#rejectedBox").isVisible());
        press("#nav-overview");
        waitUntil("the Overview no longer warns", () -> warnings().stream().noneMatch(w -> w.contains("contoso.com")));
        String before = fact("Last provisioning cycle");
        assertThat(before).contains("1 request, 1 rejected");

        // After a restart Entra's last cycle is read from the activity log, not forgotten.
        close();
        launch();
        press("#nav-overview");
        waitUntil("the last cycle is read", () -> !fact("Last provisioning cycle").isEmpty());
        assertThat(fact("Last provisioning cycle")).contains("1 logged request, 1 rejected", "activity log")
                .doesNotContain("None");
        assertThat(fact("Last request from Entra")).doesNotContain("never");
        shot("overview-after-restart");
    }

    List<String> warnings() {
        return fx(() -> lookup(".overview-warning").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    /** The value beside {@code label} in the Overview's state card; empty while not shown. */
    String fact(String label) {
        return fx(() -> {
            List<Node> cells = List.copyOf(((javafx.scene.layout.GridPane) node("#factGrid")).getChildren());
            for (int i = 0; i + 1 < cells.size(); i++) {
                if (cells.get(i) instanceof Label l && l.getText().equals(label)) {
                    return ((Label) cells.get(i + 1)).getText();
                }
            }
            return "";
        });
    }
}
