package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Reading what happened, as the owner does after Entra's first cycle: the activity entry told in full and copied,
 * dates on every time, the CSV an audit can use, who was rejected and what fixes it, and the Users table whole at the
 * default window size. Against a real embedded service that the test fills over SCIM, as Entra would.
 */
class ReadingWhatHappenedUiTest extends ConsoleUiTestBase {
    static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    @Test
    void aRejectionIsReadInFullCopiedAndExportedWithItsDate() throws Exception {
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        entra.created(ScimClient.user("alice@testuser.com", "Alice Example", "Engineer", "Engineering"));
        assertThat(entra.createUser("mallory@contoso.com", "Mallory Contoso", "Buyer", "Purchasing")).isEqualTo(400);

        press("#nav-activity");
        TableView<ActivityEntry> log = node("#table");
        waitUntil("the rejection is listed", () -> log.getItems().size() >= 2);
        assertThat(fx(() -> node("#detailEmpty").isVisible())).isTrue();
        ActivityEntry rejected = fx(() -> log.getItems().stream().filter(e -> "rejected".equals(e.outcome()))
                .findFirst().orElseThrow());
        int row = fx(() -> log.getItems().indexOf(rejected));
        clickOn(cell(log, "activity-user_name", row));
        waitUntil("its detail is shown", () -> node("#detailBox").isVisible());

        // The whole reason, the user and the fix, in fields the owner can select and copy from.
        assertThat(text("#detailUser")).isEqualTo("mallory@contoso.com");
        assertThat(text("#detailReason")).startsWith("The e-mail domain contoso.com is not verified")
                .endsWith("Entra’s next cycle will then provision the user.");
        assertThat(text("#detailFix")).startsWith("Add contoso.com on the Domains page and verify it");
        assertThat(text("#detailRetry")).startsWith("Nothing to retry by hand");
        assertThat(text("#detailTime")).contains(String.valueOf(java.time.Year.now().getValue()));
        // The table's own cells: a date with the time, and the cut Detail whole in its tooltip.
        TableCell<?, ?> time = cell(log, "activity-time", row);
        assertThat(fx(() -> time.getText())).as("a date with the time")
                .contains(String.valueOf(java.time.Year.now().getValue()));
        TableCell<?, ?> detail = cell(log, "activity-detail", row);
        assertThat(fx(() -> detail.getTooltip().getText())).isEqualTo(text("#detailReason"));

        // Copy says so on its own button, then the button reads Copy again.
        Button copy = node("#copyButton");
        press("#copyButton");
        assertThat(clipboard()).contains("User name: mallory@contoso.com").contains("What fixes it: Add contoso.com");
        assertThat(fx(copy::getText)).isEqualTo("✓ Copied");
        waitUntil("the button reads Copy details again", () -> copy.getText().equals("Copy details"));
        shot("activity-detail-en");

        // A new entry arriving while the owner reads keeps the entry being read.
        entra.created(ScimClient.user("bob@testuser.com", "Bob Builder", "Technician", "Facilities"));
        waitUntil("the new entry is listed", () -> log.getItems().size() >= 3);
        waitUntil("the rejection is still the one shown", () -> node("#detailBox").isVisible()
                && text("#detailUser").equals("mallory@contoso.com"));

        // The CSV: ISO 8601 times with their offset, as an audit needs.
        Path csv = data.resolve("export.csv");
        ctx().setSaveDialog(chooser -> csv.toFile());
        press("#exportButton");
        waitUntil("the CSV is written", () -> DirectoryUiTest.sizeOf(csv) > 0);
        pause(200);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(l -> assertThat(l).matches(ISO + ",.*"));
    }

    /** The table's cell of the column with this id in this row, scrolled into view. */
    TableCell<?, ?> cell(TableView<?> table, String columnId, int row) {
        fx(() -> {
            table.scrollTo(row);
            table.layout();
            return null;
        });
        return fx(() -> table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(tc -> tc.getIndex() == row && tc.getTableColumn() != null
                        && columnId.equals(tc.getTableColumn().getId()))
                .findFirst().orElseThrow());
    }
}
