package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;

/**
 * Users, groups, the activity log (every kind of entry), the overview with its warnings and the settings, in
 * Japanese, with a directory that Entra (played by the test) filled.
 */
class JapaneseDirectoryWalkUiTest extends JapaneseWalkUiTestBase {
    @Test
    void theDirectoryActivityOverviewAndSettings() throws Exception {
        // Not before the console has read the service: its first read creates the organization, and so would this.
        waitUntil("the console has read the service", () -> ctx().overview().get() != null);
        AdminApi.Credentials c = api().enableScim();
        judge.withValues(c.secretToken());
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        people("Alice Example", "Engineer", "Engineering", "Bob Builder", "Technician", "Carol Example", "Designer",
                "Dave Departed", "Analyst", "Erin Gone", "nemo", "Nemo Nomail", "Mallory", "Spy", "Nowhere", "Everyone");
        // Entra leaves department out (its mapping deleted): the overview warns about the mapping.
        String alice = entra.created(person("alice@testuser.com", "Alice Example", "Engineer", true));
        entra.created(person("bob@testuser.com", "Bob Builder", "Technician", true));
        String carol = entra.created(person("carol@testuser.com", "Carol Example", "Designer", true));
        String dave = entra.created(person("dave@testuser.com", "Dave Departed", "Analyst", true));
        String erin = entra.created(person("erin@testuser.com", "Erin Gone", "Analyst", true));
        entra.created(person("nemo", "Nemo Nomail", "Analyst", false)); // no e-mail address: cannot sign in
        assertThat(entra.json("PATCH", "/Users/" + alice, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Designer\"}]}")).startsWith("200");
        assertThat(entra.suspend(dave)).isEqualTo(200);
        assertThat(entra.json("DELETE", "/Users/" + erin, "")).startsWith("204");
        assertThat(entra.json("POST", "/Users", ScimClient.user("mallory@unverified.example", "Mallory", "Spy",
                "Nowhere"))).startsWith("400");
        String group = entra.json("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Everyone\",\"members\":[{\"value\":\"" + alice + "\"}]}");
        assertThat(group).startsWith("201");
        String groupId = group.replaceFirst("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(entra.json("PATCH", "/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + carol + "\"}]}]}"))
                .startsWith("20");
        assertThat(new ScimClient(c.tenantUrl(), "an-old-token").get("/Users")).isEqualTo(401);
        api().addDomain("pending.example"); // registered, its record not published
        judge.withValues(api().rotateToken(0)); // an owner's action in the log

        fire("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the users are listed", () -> users.getItems().size() == 5);
        screen("users");
        selectRow(users, "alice@testuser.com");
        waitUntil("alice's details are shown", () -> text("#detailUserName").equals("alice@testuser.com"));
        screen("users-detail");
        fx(() -> {
            ((TitledPane) node("#detailBox .titled-pane")).setExpanded(true);
            return null;
        });
        waitUntil("the SCIM resource is shown", () -> !text("#resourceText").isEmpty());
        screen("users-detail-resource");
        selectRow(users, "dave@testuser.com");
        waitUntil("dave's suspension is shown", () -> node("#suspendedText").isVisible());
        screen("users-suspended");
        selectRow(users, "nemo");
        waitUntil("nemo cannot sign in", () -> node("#signInText").isVisible());
        screen("users-cannot-sign-in");
        type("#searchField", "nobody-by-this-name");
        judge.withValues("nobody-by-this-name");
        waitUntil("nobody is found", () -> users.getItems().isEmpty());
        screen("users-none-found");

        fire("#nav-groups");
        TableView<AdminApi.GroupRow> groups = node("#groupTable");
        waitUntil("the group is listed", () -> groups.getItems().size() == 1);
        screen("groups");
        fx(() -> {
            groups.getSelectionModel().select(0);
            return null;
        });
        TableView<UserRow> members = node("#memberTable");
        waitUntil("its members are listed", () -> members.getItems().size() == 2);
        screen("groups-members");

        fire("#nav-activity");
        TableView<AdminApi.ActivityEntry> log = node("#table");
        waitUntil("every entry is in the log", () -> log.getItems().size() >= 13);
        screen("activity");
        fx(() -> {
            ((ComboBox<AdminApi.Outcome>) node("#outcomeBox")).setValue(AdminApi.Outcome.REJECTED);
            return null;
        });
        waitUntil("only refusals are shown", () -> !log.getItems().isEmpty()
                && log.getItems().stream().allMatch(e -> "rejected".equals(e.outcome())));
        screen("activity-refusals");
        Path csv = data.resolve("activity.csv");
        ctx().setSaveDialog(chooser -> csv.toFile());
        fire("#exportButton");
        waitUntil("the CSV is written", () -> Files.exists(csv) && ctx().status().noticeProperty().get() != null
                && ctx().status().noticeProperty().get().text().contains(csv.getFileName().toString()));
        judge.withValues(csv.getFileName().toString());
        screen("activity-exported");

        fire("#nav-overview");
        waitUntil("the warnings are shown", () -> lookup(".overview-warning").queryAll().size() >= 3);
        screen("overview");

        fire("#nav-settings");
        waitUntil("the service settings are read", () -> !text("#portField").isEmpty());
        screen("settings");
        fire("#englishRadio");
        screen("settings-language-chosen");
        fire("#japaneseRadio");
        fx(() -> {
            ((TextField) node("#portField")).setText("99999");
            return null;
        });
        fire("#saveServiceButton");
        waitUntil("the port is refused", () -> !text("#serviceNote").isEmpty());
        judge.withValues("99999");
        screen("settings-port-refused");
        fx(() -> {
            ((TextField) node("#portField")).setText("8089");
            ((TextField) node("#publicUrlField")).setText("https://scim.example.com");
            return null;
        });
        fire("#saveServiceButton");
        waitUntil("the settings are saved", () -> text("#serviceNote").equals(ctx().i18n().text("settings.service.saved")));
        screen("settings-saved");

        assertAllJapanese();
    }

    /** A person as Entra sends one, without department; {@code withMail} false: no e-mail address at all. */
    static String person(String userName, String displayName, String title, boolean withMail) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":true,\"displayName\":\"" + displayName + "\",\"title\":\"" + title + "\""
                + (withMail ? ",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}]" : "")
                + "}";
    }
}
