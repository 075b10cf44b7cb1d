package app.scimconsole.console.groups;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Groups view holds one page of groups and one page of the chosen group's members, and pages by cursor. */
class GroupsViewModelTest {
    static final Instant WHEN = Instant.parse("2026-03-01T09:00:00Z");
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    GroupsViewModel vm;

    @BeforeEach
    void setUp() {
        for (int i = 1; i <= 230; i++) {
            api.groups.add(new GroupRow("g" + i, String.format("Group %03d", i), null, i, WHEN));
        }
        List<UserRow> many = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            many.add(new UserRow("u" + i, "user" + i + "@example.com", "User " + i, null, null, null, true, true,
                    List.of("Group 001"), WHEN));
        }
        api.members.put("g1", many);
        api.members.put("g2", many.subList(0, 2));
        vm = new GroupsViewModel(ui.kit, () -> api);
    }

    @Test
    void groupsAreReadAPageAtATimeByTheirCursors() {
        vm.load();
        assertThat(vm.groups()).hasSize(GroupsViewModel.PAGE_SIZE);
        assertThat(vm.summaryProperty().get()).isEqualTo("1–100 of 230 groups");
        assertThat(vm.groupPages().labelProperty().get()).isEqualTo("Page 1 of 3");
        assertThat(vm.groupPages().hasPreviousProperty().get()).isFalse();
        assertThat(api.groupQueries.get(0).cursor()).as("the first page").isNull();
        vm.next();
        vm.next();
        assertThat(vm.groups()).hasSize(30);
        assertThat(vm.summaryProperty().get()).isEqualTo("201–230 of 230 groups");
        assertThat(vm.groupPages().labelProperty().get()).isEqualTo("Page 3 of 3");
        assertThat(vm.groupPages().hasNextProperty().get()).isFalse();
        assertThat(api.groupQueries.get(api.groupQueries.size() - 1).cursor()).isEqualTo("at:201");
        vm.next(); // no page after the last: nothing asked
        assertThat(api.groupQueries).hasSize(3);
        vm.previous();
        assertThat(vm.groups().get(0).displayName()).isEqualTo("Group 101");
    }

    @Test
    void aSearchStartsAgainAtTheFirstPageAfterThePause() {
        vm.load();
        vm.next();
        vm.searchProperty().set("Group 00");
        assertThat(api.groupQueries).hasSize(2); // nothing sent while typing
        ui.scheduler.fire();
        var q = api.groupQueries.get(api.groupQueries.size() - 1);
        assertThat(q.search()).isEqualTo("Group 00");
        assertThat(q.cursor()).isNull();
        assertThat(vm.groups()).hasSize(9);
        assertThat(vm.summaryProperty().get()).isEqualTo("1–9 of 9 groups");
        vm.searchProperty().set("nothing like it");
        ui.scheduler.fire();
        assertThat(vm.summaryProperty().get()).isEqualTo("No groups.");
    }

    @Test
    void theChosenGroupsMembersArePagedAndStartAgainForAnotherGroup() {
        vm.load();
        vm.selectedProperty().set(vm.groups().get(0));
        assertThat(vm.members()).hasSize(GroupsViewModel.PAGE_SIZE);
        assertThat(vm.membersSummaryProperty().get()).isEqualTo("Group 001: 250 members");
        assertThat(vm.memberPages().labelProperty().get()).isEqualTo("Page 1 of 3");
        vm.nextMembers();
        vm.nextMembers();
        assertThat(vm.members()).hasSize(50);
        assertThat(vm.members().get(0).userName()).isEqualTo("user201@example.com");
        vm.previousMembers();
        assertThat(vm.members().get(0).userName()).isEqualTo("user101@example.com");
        vm.selectedProperty().set(vm.groups().get(1));
        assertThat(api.memberQueries.get(api.memberQueries.size() - 1)).isEqualTo("g2, null");
        assertThat(vm.members()).hasSize(2);
        assertThat(vm.memberPages().hasNextProperty().get()).isFalse();
        assertThat(vm.memberPages().labelProperty().get()).isEqualTo("Page 1 of 1");
        vm.selectedProperty().set(null);
        assertThat(vm.members()).isEmpty();
        assertThat(vm.membersSummaryProperty().get()).isEqualTo("Select a group to see its members.");
    }

    @Test
    void inJapaneseThePagesAreToldInJapanese() {
        TestUi ja = new TestUi(Locale.JAPANESE);
        GroupsViewModel jvm = new GroupsViewModel(ja.kit, () -> api);
        jvm.load();
        assertThat(jvm.summaryProperty().get()).isEqualTo("230 件中 1–100 件");
        assertThat(jvm.groupPages().labelProperty().get()).isEqualTo("1 / 3 ページ");
    }
}
