package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.common.StatusModel;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.SectionId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The console opens on the section the owner left, and its embedded service starts only after the window's first
 * frame: each section shown while the service starts says nothing about a missing connection (the header already says
 * "starting…"), and shows the service's data once it is connected. Before, a section read at once, failed with "not
 * connected yet", and that notice stayed after the service had come up (covering the page's title).
 */
class OpenedWhileTheServiceStartsUiTest extends ConsoleUiTestBase {

    @Test
    void eachSectionShownWhileTheServiceStartsReadsItOnceConnectedAndSaysNothingUntrue() {
        ScimClient entra = entraForTestUsers();
        entra.created(ScimClient.user("ada@testuser.com", "Ada Lovelace", "Engineer", "Engineering"));
        assertThat(entra.json("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Analysts\"}")).startsWith("201");
        String notConnected = ctx().i18n().text("connection.notConnected");
        List<String> errors = new ArrayList<>();
        fx(() -> {
            ctx().status().noticeProperty().addListener((o, was, n) -> {
                if (n != null && n.kind() == StatusModel.Kind.ERROR) {
                    errors.add(n.text());
                }
            });
            return null;
        });

        for (String section : List.of(SectionId.USERS, SectionId.GROUPS, SectionId.ACTIVITY, SectionId.DOMAINS,
                SectionId.WEBHOOKS, SectionId.OVERVIEW, SectionId.SETTINGS, SectionId.SETUP)) {
            fx(() -> {
                app.window().select(SectionId.CONNECTION);
                // The service starts again (as at the console's start), and the section is shown meanwhile.
                ctx().connection().connect(ctx().connection().targetProperty().get());
                assertThat(ctx().connection().isConnected()).isFalse();
                app.window().select(section);
                return null;
            });
            waitUntil("the embedded service is connected again",
                    () -> ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
            if (section.equals(SectionId.USERS)) {
                TableView<UserRow> users = node("#table");
                waitUntil("the users are read", () -> users.getItems().size() == 1);
            } else if (section.equals(SectionId.GROUPS)) {
                TableView<GroupRow> groups = node("#groupTable");
                waitUntil("the groups are read", () -> groups.getItems().size() == 1);
            }
            shot("opened-while-starting-" + section);
            assertThat(errors).as("error notices after showing %s while the service started", section).isEmpty();
            assertThat(fx(VisibleTexts::onScreen)).as("what %s shows once connected", section)
                    .noneMatch(seen -> seen.text().contains(notConnected));
        }
    }
}
