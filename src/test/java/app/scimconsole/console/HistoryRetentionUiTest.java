package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The history retention in Settings, against the real embedded service: it shows the service's days, refuses days
 * out of bounds in words without changing the service, and saves typed days and the arrows' steps on the service.
 */
class HistoryRetentionUiTest extends ConsoleUiTestBase {
    @Test
    void theOwnerSetsHowLongHistoryIsKept() {
        press("#nav-settings");
        Spinner<Integer> spinner = node("#retentionSpinner");
        waitUntil("the service's retention is shown", () -> !spinner.isDisabled()
                && "90".equals(spinner.getEditor().getText()));
        assertThat(text("#retentionLead")).contains("from 1 day to 3,650 days");

        typeDays(spinner, "0");
        press("#saveRetentionButton");
        waitUntil("the bounds are told", () -> text("#retentionNote").startsWith("Enter a whole number of days"));
        assertThat(text("#retentionNote")).isEqualTo("Enter a whole number of days from 1 to 3,650 (ten years).");
        assertThat(runtime().admin().historyRetentionDays()).isEqualTo(90);
        shot("settings-retention-refused");

        typeDays(spinner, "30");
        press("#saveRetentionButton");
        waitUntil("the new retention is saved", () -> text("#retentionNote").startsWith("Saved"));
        assertThat(runtime().admin().historyRetentionDays()).isEqualTo(30);

        Node up = fx(() -> spinner.lookup(".increment-arrow-button"));
        clickOn(up);
        waitUntil("the arrow steps a day", () -> "31".equals(spinner.getEditor().getText()));
        press("#saveRetentionButton");
        waitUntil("the stepped retention is saved", () -> text("#retentionNote").contains("31 days"));
        assertThat(runtime().admin().historyRetentionDays()).isEqualTo(31);
        shot("settings-retention");
    }

    private void typeDays(Spinner<Integer> spinner, String days) {
        reveal(spinner);
        clickOn(spinner.getEditor());
        push(KeyCode.CONTROL, KeyCode.A);
        write(days);
    }
}
