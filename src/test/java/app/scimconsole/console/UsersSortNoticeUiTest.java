package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.UserRow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.junit.jupiter.api.Test;

/**
 * A click on the Job title column of a list longer than the service sorts by a value no index holds (its limit made 20
 * here, 10,000 in use), on a real embedded service filled over SCIM: the rows stay, the header shows no sort, and a
 * notice in the owner's language says why and what to do; once a search narrows the list, the same click sorts it.
 */
class UsersSortNoticeUiTest extends ConsoleUiTestBase {
    private static final int USERS = 25;
    private static final int LIMIT = 20;

    @Test
    void aClickOnTitleOfAListTooLongSaysWhyInEnglishAndJapaneseAndWorksOnceNarrowed() throws Exception {
        ScimClient entra = entraForTestUsers();
        for (int i = 0; i < USERS; i++) {
            entra.created(ScimClient.user(String.format("p%02d@testuser.com", i), "Person " + i,
                    "Title " + (char) ('z' - i), "Department " + i));
        }
        runtime().core().unindexedSorts().limit(LIMIT);
        press("#nav-users");
        TableView<UserRow> table = node("#table");
        waitUntil("every user is listed", () -> table.getItems().size() == USERS);
        List<String> before = fx(() -> names(table));

        clickHeader(table, "titleColumn");
        waitUntil("the notice is shown", () -> ((Label) node("#sortNoticeLabel")).isVisible());
        assertThat(text("#sortNoticeLabel")).isEqualTo("Not sorted by Job title: that order is offered only when at"
                + " most 20 users match, because it would read every user for each page. Search, or choose a status or"
                + " a domain, so that at most 20 users match, then click Job title again.");
        assertThat(fx(() -> table.getSortOrder().isEmpty())).as("no sort arrow on any header").isTrue();
        assertThat(fx(() -> names(table))).as("the rows as they were").isEqualTo(before);
        assertThat(text("#problemLabel")).isEmpty();
        shot("users-sort-needs-narrower-list");

        clickOn("#searchField").write("p0");
        waitUntil("ten users match the search", () -> table.getItems().size() == 10);
        clickHeader(table, "titleColumn");
        waitUntil("the narrowed list is sorted by title", () -> names(table).get(0).equals("p09@testuser.com"));
        List<String> sorted = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            sorted.add(String.format("p%02d@testuser.com", i));
        }
        assertThat(fx(() -> names(table))).isEqualTo(sorted);
        assertThat(fx(() -> table.getSortOrder().get(0).getId())).isEqualTo("titleColumn");
        assertThat(fx(() -> ((Label) node("#sortNoticeLabel")).isVisible())).as("the notice is gone").isFalse();

        restartInJapanese();
        runtime().core().unindexedSorts().limit(LIMIT);
        press("#nav-users");
        TableView<UserRow> shown = node("#table");
        waitUntil("every user is listed", () -> shown.getItems().size() == USERS);
        clickHeader(shown, "titleColumn");
        waitUntil("the notice is shown", () -> ((Label) node("#sortNoticeLabel")).isVisible());
        assertThat(text("#sortNoticeLabel")).startsWith("「役職」では並べ替えていません。").contains("20 人以下")
                .contains("検索するか、状態またはドメインを選んで");
        assertThat(fx(() -> shown.getSortOrder().isEmpty())).isTrue();
        shot("users-sort-needs-narrower-list-ja");
    }

    private static List<String> names(TableView<UserRow> table) {
        return table.getItems().stream().map(UserRow::userName).toList();
    }

    /** Clicks the header of the column with this id, as the owner does to sort by it. */
    private void clickHeader(TableView<UserRow> table, String columnId) {
        Node header = fx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() instanceof TableColumn<?, ?> c
                        && columnId.equals(c.getId()))
                .findFirst().orElseThrow());
        clickOn(header);
    }
}
