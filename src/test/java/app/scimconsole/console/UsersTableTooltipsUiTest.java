package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.common.TooltipCell;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Each cell of the Users table carries its whole value in its tooltip, also after the table reused the cell for
 * another user (a search narrowed the list): a cell keeps one tooltip and changes its text (issue 21: a new tooltip
 * for every value made each page shown cost a few hundred popup controls), and an empty cell has none.
 */
class UsersTableTooltipsUiTest extends ConsoleUiTestBase {
    @Test
    void aReusedCellsTooltipIsItsNewValue() throws Exception {
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        entra.created(ScimClient.user("alice@testuser.com", "Alice Archer", "Architect", "Design"));
        entra.created(ScimClient.user("bob@testuser.com", "Bob Builder", "Builder", "Works"));

        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("both users are listed", () -> users.getItems().size() == 2);
        waitUntil("each cell's tooltip is its value", () -> tooltipsFollowValues(users));
        clickOn("#searchField").write("bob");
        waitUntil("the search narrows the table", () -> users.getItems().size() == 1
                && fx(() -> users.getItems().get(0).userName()).equals("bob@testuser.com"));
        waitUntil("each cell's tooltip is its new value", () -> tooltipsFollowValues(users));
        assertThat(fx(() -> users.lookupAll(".table-cell").stream().filter(n -> n instanceof TooltipCell<?> cell
                && cell.getText() != null && cell.getText().contains("bob")).count())).isPositive();
    }

    /** Every text cell shows a value and has it as its tooltip, or shows nothing and has no tooltip; none is stale. */
    private boolean tooltipsFollowValues(TableView<UserRow> users) {
        return fx(() -> {
            List<TooltipCell<?>> cells = users.lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TooltipCell<?>).<TooltipCell<?>>map(n -> (TooltipCell<?>) n).toList();
            return !cells.isEmpty() && cells.stream().allMatch(cell -> shows(cell)
                    ? cell.getTooltip() != null && cell.getText().equals(cell.getTooltip().getText())
                    : cell.getTooltip() == null);
        });
    }

    private static boolean shows(TooltipCell<?> cell) {
        return cell.getText() != null && !cell.getText().isEmpty();
    }
}
