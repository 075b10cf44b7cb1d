package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.admin.AdminApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * Drives the directory views (Overview, Users, Groups, Activity, Domains, Settings) against a real embedded
 * service that the test fills over SCIM, as Entra would; saves each view in both languages and both themes.
 */
class DirectoryUiTest extends ConsoleUiTestBase {
    static final List<String> VIEWS = List.of("overview", "users", "groups", "activity", "domains", "settings");

    @Test
    void theProvisionedDirectoryInBothLanguagesAndThemes() throws Exception {
        ScimClient entra = entraForTestUsers();
        String alice = entra.created(ScimClient.user("alice@testuser.com", "Alice Example", "Engineer", "Engineering"));
        entra.created(ScimClient.user("bob@testuser.com", "Bob Builder", "Technician", "Facilities"));
        String carol = entra.created(ScimClient.user("carol@testuser.com", "Carol Example", "Designer", "Design"));
        String dave = entra.created(ScimClient.user("dave@testuser.com", "Dave Departed", "Analyst", "Finance"));
        assertThat(entra.suspend(dave)).isEqualTo(200);
        assertThat(entra.json("POST", "/Users", ScimClient.user("mallory@unverified.example", "Mallory", "Spy", "Nowhere")))
                .startsWith("400");
        assertThat(entra.json("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + alice + "\"},{\"value\":\"" + carol
                + "\"}]}")).startsWith("201");

        // Users: the table, locked fields, search, a suspended user.
        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the four users are listed", () -> users.getItems().size() == 4);
        selectRow(users, "alice@testuser.com");
        waitUntil("alice's details are shown", () -> text("#detailUserName").equals("alice@testuser.com"));
        TextField title = node("#titleField");
        assertThat(fx(() -> title.getText())).isEqualTo("Engineer");
        assertThat(fx(() -> title.isEditable())).isFalse();
        assertThat(text("#lockNote")).contains("Managed by Microsoft Entra ID");
        assertThat(fx(() -> title.getAccessibleText())).contains("Microsoft Entra ID");
        shot("users-detail-locked");

        clickOn("#searchField").write("bob");
        waitUntil("the search narrows the table", () -> users.getItems().size() == 1);
        assertThat(fx(() -> users.getItems().get(0).userName())).isEqualTo("bob@testuser.com");
        fx(() -> {
            ((TextField) node("#searchField")).clear();
            ((javafx.scene.control.ComboBox<UserStatus>) node("#statusBox")).setValue(UserStatus.SUSPENDED);
            return null;
        });
        waitUntil("only the suspended user is listed", () -> users.getItems().size() == 1
                && users.getItems().get(0).userName().equals("dave@testuser.com"));
        selectRow(users, "dave@testuser.com");
        waitUntil("dave's suspension is shown", () -> fx(() -> ((Label) node("#suspendedText")).isVisible()));
        assertThat(text("#suspendedText")).contains("Suspended since").contains("30 days");
        assertThat(text("#statusBadge")).isEqualTo("Suspended");
        shot("users-suspended");
        fx(() -> {
            ((javafx.scene.control.ComboBox<UserStatus>) node("#statusBox")).setValue(UserStatus.ANY);
            return null;
        });
        waitUntil("all users again", () -> users.getItems().size() == 4);

        // Groups: member counts and members.
        press("#nav-groups");
        TableView<AdminApi.GroupRow> groups = node("#groupTable");
        waitUntil("the group is listed", () -> groups.getItems().size() == 1);
        assertThat(fx(() -> groups.getItems().get(0).memberCount())).isEqualTo(2);
        fx(() -> {
            groups.getSelectionModel().select(0);
            return null;
        });
        TableView<UserRow> members = node("#memberTable");
        waitUntil("its members are listed", () -> members.getItems().size() == 2);

        // Activity: the rejection for the unverified domain, and the CSV export of what is shown.
        press("#nav-activity");
        TableView<ActivityEntry> log = node("#table");
        waitUntil("the rejection is in the log", () -> log.getItems().stream()
                .anyMatch(e -> "rejected".equals(e.outcome()) && e.reason() != null
                        && e.reason().args().contains("unverified.example")));
        fx(() -> {
            ((javafx.scene.control.ComboBox<AdminApi.Outcome>) node("#outcomeBox")).setValue(AdminApi.Outcome.REJECTED);
            return null;
        });
        waitUntil("only rejections are shown", () -> !log.getItems().isEmpty()
                && log.getItems().stream().allMatch(e -> "rejected".equals(e.outcome())));
        shot("activity-rejected");
        Path csv = data.resolve("export.csv");
        ctx().setSaveDialog(chooser -> csv.toFile());
        press("#exportButton");
        waitUntil("the CSV is written", () -> Files.exists(csv) && sizeOf(csv) > 0);
        pause(200);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int shown = fx(() -> log.getItems().size());
        assertThat(lines).hasSize(shown + 1);
        assertThat(lines.get(0)).isEqualTo("\uFEFFTime,Operation,Resource,User name,Outcome,Detail,Client address");
        assertThat(lines.get(1)).contains("mallory@unverified.example").contains("Rejected")
                .as("Entra's request came from loopback here").endsWith(",127.0.0.1");
        fx(() -> {
            ((javafx.scene.control.ComboBox<AdminApi.Outcome>) node("#outcomeBox")).setValue(AdminApi.Outcome.ANY);
            return null;
        });

        // Overview: the warning names the unverified domain.
        press("#nav-overview");
        waitUntil("the unverified domain is warned about", () -> lookup(".overview-warning").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("unverified.example")));

        snapshotEveryView("en-light");
        press("#nav-settings");
        press("#darkRadio");
        waitUntil("the dark palette is on", () -> stage.getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("console-dark.css")));
        snapshotEveryView("en-dark");

        // Japanese: chosen in Settings, used from the next start.
        press("#nav-settings");
        press("#japaneseRadio");
        assertThat(text("#languageNote")).contains("next time");
        ctx().settings().flush();
        close();
        launch();
        waitUntil("the Japanese labels are shown", () -> text("#nav-users").equals("ユーザー"));
        assertThat(text("#nav-overview")).isEqualTo("概要");
        snapshotEveryView("ja-dark");
        press("#nav-settings");
        press("#lightRadio");
        snapshotEveryView("ja-light");
        press("#nav-users");
        TableView<UserRow> again = node("#table");
        waitUntil("the users are listed", () -> again.getItems().size() == 4);
        assertThat(fx(() -> again.getColumns().get(0).getText())).isEqualTo("名前");
    }

    /** Visits every view and saves {@code <view>-<suffix>.png}, after its data has arrived. */
    void snapshotEveryView(String suffix) {
        for (String v : VIEWS) {
            press("#nav-" + v);
            if (v.equals("users")) {
                TableView<?> t = node("#table");
                waitUntil("users are listed", () -> !t.getItems().isEmpty());
                selectRow(node("#table"), "alice@testuser.com");
                waitUntil("a user is shown", () -> fx(() -> node("#detailBox").isVisible()));
            } else if (v.equals("groups")) {
                TableView<AdminApi.GroupRow> t = node("#groupTable");
                waitUntil("groups are listed", () -> !t.getItems().isEmpty());
                fx(() -> {
                    t.getSelectionModel().select(0);
                    return null;
                });
                TableView<?> m = node("#memberTable");
                waitUntil("members are listed", () -> !m.getItems().isEmpty());
            } else if (v.equals("activity")) {
                TableView<?> t = node("#table");
                waitUntil("activity is listed", () -> !t.getItems().isEmpty());
            } else if (v.equals("overview")) {
                waitUntil("counts are shown", () -> !lookup(".count-value").queryAll().isEmpty());
            }
            fx(() -> {
                if (ctx().window().getScene().lookup(".step-scroller") instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(0); // from the top
                }
                return null;
            });
            pause(300);
            shot(v + "-" + suffix);
        }
    }

    static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
