package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The Groups view on a real embedded service filled over SCIM: more groups than a page, and a group with more members
 * than a page; Next and Previous under each table walk the pages the service hands out by cursor, a page at a time.
 */
class GroupsPagingUiTest extends ConsoleUiTestBase {
    private static final int GROUPS = 150;
    private static final int MEMBERS = 130;

    @Test
    void groupsAndAGroupsMembersArePagedByNextAndPrevious() {
        ScimClient entra = entraForTestUsers();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(entra.created(ScimClient.user(String.format("m%03d@testuser.com", i), "Member " + i,
                    "Engineer", "Engineering")));
        }
        StringBuilder all = new StringBuilder();
        for (String id : members) {
            all.append(all.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        for (int i = 0; i < GROUPS; i++) {
            String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                    + String.format("Team %03d", i) + "\"" + (i == 0 ? ",\"members\":[" + all + "]" : "") + "}";
            assertThat(entra.json("POST", "/Groups", body)).startsWith("201");
        }

        press("#nav-groups");
        TableView<GroupRow> groups = node("#groupTable");
        Button previous = node("#groupPreviousButton");
        Button next = node("#groupNextButton");
        waitUntil("the first page of groups", () -> groups.getItems().size() == 100);
        assertThat(text("#groupPageLabel")).isEqualTo("Page 1 of 2");
        assertThat(text("#summaryLabel")).isEqualTo("1–100 of 150 groups");
        assertThat(fx(previous::isDisabled)).isTrue();
        press("#groupNextButton");
        waitUntil("the second page of groups", () -> groups.getItems().size() == GROUPS - 100
                && groups.getItems().get(0).displayName().equals("Team 100"));
        assertThat(text("#groupPageLabel")).isEqualTo("Page 2 of 2");
        assertThat(fx(next::isDisabled)).isTrue();
        shot("groups-second-page");
        press("#groupPreviousButton");
        waitUntil("the first page again", () -> groups.getItems().size() == 100
                && groups.getItems().get(0).displayName().equals("Team 000"));

        fx(() -> {
            groups.getSelectionModel().select(0);
            return null;
        });
        TableView<UserRow> shown = node("#memberTable");
        waitUntil("the first page of its members", () -> shown.getItems().size() == 100);
        assertThat(text("#membersLabel")).isEqualTo("Team 000: 130 members");
        assertThat(text("#memberPageLabel")).isEqualTo("Page 1 of 2");
        assertThat(fx(() -> shown.getItems().get(0).userName())).isEqualTo("m000@testuser.com");
        press("#memberNextButton");
        waitUntil("the rest of its members", () -> shown.getItems().size() == MEMBERS - 100);
        assertThat(fx(() -> shown.getItems().get(0).userName())).as("by userName").isEqualTo("m100@testuser.com");
        assertThat(fx(() -> ((Button) node("#memberNextButton")).isDisabled())).isTrue();
        shot("groups-members-second-page");
        press("#memberPreviousButton");
        waitUntil("the first page of members again", () -> shown.getItems().size() == 100
                && shown.getItems().get(0).userName().equals("m000@testuser.com"));
    }
}
