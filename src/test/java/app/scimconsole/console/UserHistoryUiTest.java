package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.UserRow;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The user detail's History tab, against a real embedded service that Entra's requests change over SCIM: the
 * timeline newest first, each change with its old and new value, and a request that changed nothing said as such.
 */
class UserHistoryUiTest extends ConsoleUiTestBase {
    @Test
    void theHistoryTabShowsWhatEntraChangedNewestFirst() throws Exception {
        ScimClient entra = entraForTestUsers();
        String alice = entra.created(ScimClient.user("alice@testuser.com", "Alice Example", "Engineer", "Engineering"));
        String promote = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Engineer\"}]}";
        assertThat(entra.json("PATCH", "/Users/" + alice, promote)).startsWith("200");
        assertThat(entra.json("PATCH", "/Users/" + alice, promote)).startsWith("200");

        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("alice is listed", () -> users.getItems().size() == 1);
        selectRow(users, "alice@testuser.com");
        waitUntil("alice's details are shown", () -> text("#detailUserName").equals("alice@testuser.com"));
        TabPane tabs = node("#detailTabs");
        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        ListView<String> history = node("#historyList");
        waitUntil("the history is shown", () -> fx(() -> history.getItems().size()) >= 3);
        assertThat(fx(() -> history.getItems().get(0))).startsWith("No change: what was sent was already stored, Entra, ");
        assertThat(fx(() -> history.getItems().get(1))).startsWith("Job title: Engineer → Senior Engineer, Entra, ");
        assertThat(fx(() -> history.getItems())).anySatisfy(l -> assertThat(l).startsWith("Job title: (none) → Engineer"));
        assertThat(fx(() -> history.isVisible())).isTrue();
        shot("users-history");

        // With no history, the tab says so at its top, where the detail shows it, not in the middle of the list.
        fx(() -> {
            history.getItems().clear();
            history.layout();
            return null;
        });
        Node empty = history.getPlaceholder();
        waitUntil("the empty history's note is shown", () -> fx(() -> empty.isVisible() && empty.getScene() != null));
        double offset = fx(() -> empty.localToScene(empty.getLayoutBounds()).getMinY()
                - history.localToScene(history.getLayoutBounds()).getMinY());
        assertThat(offset).isLessThan(history.getHeight() / 4);
    }
}
