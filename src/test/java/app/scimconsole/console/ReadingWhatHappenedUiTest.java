package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reading what happened, as the owner does after Entra's first cycle: the activity entry told in full and copied,
 * dates on every time, the CSV an audit can use, who was rejected and what fixes it, and the Users table whole at the
 * default window size. Against a real embedded service that the test fills over SCIM, as Entra would.
 */
class ReadingWhatHappenedUiTest extends ConsoleUiTestBase {
    /** The widest times the English format writes (a two-digit day and hour), so a column too narrow for one shows. */
    static final Instant WIDE_TIME = Instant.parse("2026-12-12T22:14:00Z");
    static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    /** The console's and its service's clock runs from {@link #WIDE_TIME} (in the test's zone, UTC on CI). */
    @Override
    Clock clock() {
        ZonedDateTime wide = WIDE_TIME.atZone(ZoneOffset.UTC).toLocalDateTime().atZone(ZoneId.systemDefault());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), wide.toInstant()));
    }

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
        everyColumnIsWhole(log, "activity-time");
        assertThat(text("#detailUser")).isEqualTo("mallory@contoso.com");
        assertThat(text("#detailReason")).startsWith("The e-mail domain contoso.com is not verified")
                .endsWith("Entra’s next cycle will then provision the user.");
        assertThat(text("#detailFix")).startsWith("Add contoso.com on the Domains page and verify it");
        assertThat(text("#detailRetry")).startsWith("Nothing to retry by hand");
        assertThat(text("#detailTime")).contains("2026");
        // The table's own cells: a date with the time, and the cut Detail whole in its tooltip.
        TableCell<?, ?> time = cell(log, "activity-time", row);
        assertThat(fx(() -> time.getText())).as("a date with the time")
                .contains("2026");
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

        // The Overview leads to who was rejected.
        press("#nav-overview");
        waitUntil("the Overview offers who was rejected", () -> node("#rejectedLink").isVisible());
        List<String> facts = fx(() -> lookup(".field-label").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getScene() != null && l.isVisible())
                .map(l -> ((Text) l.lookup(".text")).getText()).toList());
        assertThat(facts).as("the facts' names, uncut").contains("Last request from Entra")
                .noneMatch(f -> f.endsWith("…"));
        press("#rejectedLink");
        waitUntil("the Users view lists the rejected", () -> lookup("#rejectedPane").tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null).orElse(false));
        assertThat(text("#rejectedPane")).isEqualTo("1 person from Entra was rejected by the service");
    }

    @Test
    void usersAreWholeAtTheDefaultSizeAndTheRejectedAreListedInBothLanguages() throws Exception {
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        entra.created(ScimClient.user("alice@testuser.com", "Alice Example", "Engineer", "Engineering"));
        entra.created(ScimClient.user("bob@testuser.com", "Bob Builder", "Senior Technician", "Facilities"));
        String dave = entra.created(ScimClient.user("dave@testuser.com", "Dave Departed", "Analyst", "Finance"));
        assertThat(entra.suspend(dave)).isEqualTo(200);
        assertThat(entra.json("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"erin.nomail\",\"displayName\":\"Erin Nomail\",\"active\":true}")).startsWith("201");
        assertThat(entra.createUser("mallory@contoso.com", "Mallory Contoso", "Buyer", "Purchasing")).isEqualTo(400);
        assertThat(fx(() -> stage.getWidth())).as("the default window size").isEqualTo(1120);

        press("#nav-users");
        TableView<AdminApi.UserRow> users = node("#table");
        waitUntil("the users are listed", () -> users.getItems().size() == 4);
        everyColumnIsWhole(users, "changedColumn");
        // The status is a badge with its word; the row colours have a legend.
        waitUntil("dave's status badge is drawn", () -> users.lookupAll(".table-cell .status-pill").stream()
                .anyMatch(n -> n.isVisible() && "Suspended".equals(((Label) n).getText())));
        assertThat(text("#legendNoSignIn")).isEqualTo("No e-mail address: cannot sign in");
        assertThat(fx(() -> node("#legend").isVisible())).isTrue();
        // Who was rejected, why and what fixes it; Entra sends them again by itself.
        TitledPane rejected = node("#rejectedPane");
        waitUntil("the rejected are offered", rejected::isVisible);
        assertThat(fx(rejected::getText)).isEqualTo("1 person from Entra was rejected by the service");
        press("#rejectedPane .title");
        waitUntil("the list opens", rejected::isExpanded);
        ListView<?> list = node("#rejectedList");
        assertThat(fx(() -> list.getItems().size())).isEqualTo(1);
        waitUntil("its person is drawn", () -> list.lookupAll(".list-cell .label").stream()
                .anyMatch(n -> "mallory@contoso.com".equals(((Label) n).getText())));
        List<String> said = fx(() -> list.lookupAll(".list-cell .label").stream().map(n -> ((Label) n).getText())
                .toList());
        assertThat(said).contains("mallory@contoso.com")
                .anyMatch(t -> t.startsWith("The e-mail domain contoso.com is not verified"))
                .anyMatch(t -> t.startsWith("What fixes it: Add contoso.com on the Domains page"));
        assertThat(fx(() -> rejected.getContent().lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().contains("nothing to retry by hand")))).isTrue();
        selectRow(users, "erin.nomail");
        waitUntil("erin's detail is shown", () -> text("#detailUserName").equals("erin.nomail"));
        shot("users-1120x800-en-light");

        // Groups: the last change, now with its date, fits too.
        assertThat(entra.json("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\"}")).startsWith("201");
        press("#nav-groups");
        TableView<AdminApi.GroupRow> groups = node("#groupTable");
        waitUntil("the group is listed", () -> groups.getItems().size() == 1);
        everyColumnIsWhole(groups, "groupChangedColumn");

        // Copy on a domain card says Copied on itself.
        press("#nav-domains");
        waitUntil("the domain card is shown", () -> !lookup("#copyValueButton").queryAll().isEmpty());
        Button copyValue = node("#copyValueButton");
        press("#copyValueButton");
        assertThat(fx(copyValue::getText)).isEqualTo("✓ Copied");
        waitUntil("it reads Copy again", () -> copyValue.getText().equals("Copy"));

        // Japanese and dark, from the next start.
        press("#nav-settings");
        press("#darkRadio");
        press("#japaneseRadio");
        ctx().settings().flush();
        close();
        launch();
        waitUntil("the Japanese labels are shown", () -> text("#nav-users").equals("ユーザー"));
        press("#nav-users");
        TableView<AdminApi.UserRow> ja = node("#table");
        waitUntil("the users are listed", () -> ja.getItems().size() == 4);
        everyColumnIsWhole(ja, "changedColumn");
        TitledPane jaRejected = node("#rejectedPane");
        waitUntil("the rejected are offered", jaRejected::isVisible);
        assertThat(fx(jaRejected::getText)).isEqualTo("サービスが受け付けなかった Entra のユーザー: 1 人");
        press("#rejectedPane .title");
        waitUntil("the list opens", jaRejected::isExpanded);
        selectRow(ja, "dave@testuser.com");
        waitUntil("dave's detail is shown", () -> text("#detailUserName").equals("dave@testuser.com"));
        assertThat(text("#detailChanged")).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
        shot("users-1120x800-ja-dark");

        press("#nav-activity");
        TableView<ActivityEntry> log = node("#table");
        waitUntil("the log is listed", () -> !log.getItems().isEmpty());
        everyColumnIsWhole(log, "activity-time");
        int row = fx(() -> log.getItems().indexOf(log.getItems().stream()
                .filter(e -> "rejected".equals(e.outcome())).findFirst().orElseThrow()));
        clickOn(cell(log, "activity-user_name", row));
        waitUntil("its detail is shown", () -> node("#detailBox").isVisible());
        assertThat(text("#detailFix")).startsWith("[ドメイン] ページで contoso.com を追加して証明してください");
        assertThat(fx(() -> cell(log, "activity-time", row).getText())).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
        press("#copyButton");
        assertThat(text("#copyButton")).isEqualTo("✓ コピーしました");
        shot("activity-detail-ja-dark");
    }

    /** Every column of the table is on screen at its width: no horizontal scroll bar, no header cut. */
    void everyColumnIsWhole(TableView<?> table, String timeColumn) {
        waitUntil("the columns are fitted to the table", () -> table.getColumns().stream()
                .mapToDouble(TableColumn::getWidth).sum() <= table.getWidth());
        pause(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL).noneMatch(Node::isVisible)))
                .as("no horizontal scroll bar").isTrue();
        double total = fx(() -> table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertThat(total).isLessThanOrEqualTo(fx(table::getWidth));
        List<String> headers = fx(() -> table.lookupAll(".column-header .label").stream()
                .map(n -> ((Label) n).lookup(".text")).filter(t -> t instanceof Text)
                .map(t -> ((Text) t).getText()).toList());
        assertThat(headers).hasSize(table.getColumns().size()).noneMatch(h -> h.endsWith("…"));
        List<String> times = fx(() -> table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(tc -> tc.getTableColumn() != null && timeColumn.equals(tc.getTableColumn().getId())
                        && tc.getText() != null && !tc.getText().isEmpty())
                .map(tc -> ((Text) tc.lookup(".text")).getText()).toList());
        assertThat(times).as("the last change, date and time, uncut").isNotEmpty().noneMatch(t -> t.endsWith("…"));
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
