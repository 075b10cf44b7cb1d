package app.scimconsole.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.UserDetail;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    UsersViewModel vm;

    @BeforeEach
    void setUp() {
        for (int i = 1; i <= 250; i++) {
            api.users.add(new UserRow("id" + i, "user" + i + "@example.com", "User " + i, "user" + i + "@example.com",
                    "Engineer", "R&D", i % 50 != 0, true, List.of(), Instant.parse("2026-03-01T09:00:00Z")));
        }
        vm = new UsersViewModel(ui.kit, () -> api);
    }

    @Test
    void whoWasRejectedIsToldWithTheReasonAndTheFix() {
        vm.loadRejected();
        assertThat(vm.rejected()).isEmpty();
        assertThat(vm.rejectedTitleProperty().get()).as("nothing to show").isEmpty();
        api.activity.add(new ActivityEntry(2, Instant.parse("2026-03-02T08:52:00Z"), "CREATE", "User", null,
                "m@contoso.com", "rejected", Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com"), null, null));
        vm.loadRejected();
        assertThat(api.activityQueries.get(api.activityQueries.size() - 1).limit())
                .isEqualTo(RejectedPeople.LOG_ENTRIES);
        assertThat(vm.rejectedTitleProperty().get()).isEqualTo("1 person from Entra was rejected by the service");
        assertThat(vm.rejected()).singleElement().satisfies(r -> {
            assertThat(r.userName()).isEqualTo("m@contoso.com");
            assertThat(r.when()).isEqualTo("last tried Mar 2, 2026, 8:52 AM");
            assertThat(r.reason()).startsWith("The e-mail domain contoso.com is not verified");
            assertThat(r.fix()).isEqualTo("What fixes it: Add contoso.com on the Domains page and verify it: publish "
                    + "its DNS TXT record, then press Check now.");
        });
    }

    @Test
    void theChosenUsersHistoryIsReadNewestFirstAndClearedWhenAnotherIsChosen() {
        api.history.add(new ActivityEntry(7, Instant.parse("2026-03-02T08:52:00Z"), "PATCH", "User", "id1",
                "user1@example.com", "success", Reason.of("activity.changed", "title"), null, null,
                new app.scimconsole.admin.AdminApi.AttributeHistory(null, List.of(
                        new app.scimconsole.admin.AdminApi.AttributeChange("title", "Engineer", "Senior Engineer")))));
        vm.load();
        vm.select(vm.rows().get(0));
        assertThat(vm.history()).containsExactly("Job title: Engineer → Senior Engineer, Entra, Mar 2, 2026, 8:52 AM");
        vm.select(vm.rows().get(1));
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void readsOnePageAtATime() {
        vm.load();
        assertThat(vm.rows()).hasSize(UsersViewModel.PAGE_SIZE);
        assertThat(vm.summaryProperty().get()).isEqualTo("1–100 of 250");
        assertThat(vm.pageCount()).isEqualTo(3);
        assertThat(vm.hasPreviousProperty().get()).isFalse();
        vm.next();
        vm.next();
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.hasNextProperty().get()).isFalse();
        assertThat(api.userQueries.get(api.userQueries.size() - 1).cursor()).as("the page's cursor").isEqualTo("at:201");
        vm.previous();
        assertThat(vm.rows().get(0).userName()).isEqualTo("user101@example.com");
        assertThat(vm.summaryProperty().get()).isEqualTo("101–200 of 250");
    }

    @Test
    void aSearchCountedOnlyInPartSaysMoreThanAndLetsTheOwnerPageOn() {
        api.countUpTo = 150;
        vm.load();
        assertThat(vm.summaryProperty().get()).isEqualTo("1–100 of more than 150");
        assertThat(vm.pageCount()).as("the counted pages and one more").isEqualTo(3);
        vm.next();
        vm.next();
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.rows().get(0).userName()).isEqualTo("user201@example.com");
        api.countUpTo = null;
        vm.reload();
        assertThat(vm.summaryProperty().get()).isEqualTo("1–100 of 250");
        assertThat(vm.pageCount()).isEqualTo(3);
    }

    @Test
    void searchIsDebouncedAndStartsAgainAtPageOne() {
        vm.load();
        vm.next();
        int before = api.userQueries.size();
        vm.searchProperty().set("user1");
        vm.searchProperty().set("user12");
        assertThat(api.userQueries).hasSize(before); // nothing sent while typing
        assertThat(ui.scheduler.pending()).isEqualTo(1); // the first keystroke's query was cancelled
        ui.scheduler.fire();
        assertThat(api.userQueries.get(api.userQueries.size() - 1).search()).isEqualTo("user12");
        assertThat(api.userQueries.get(api.userQueries.size() - 1).cursor()).as("the first page").isNull();
        assertThat(vm.rows()).extracting(UserRow::userName).allMatch(n -> n.startsWith("user12"));
    }

    @Test
    void statusFilterAndServerSideSort() {
        vm.statusProperty().set(UserStatus.SUSPENDED);
        assertThat(vm.rows()).hasSize(5).noneMatch(UserRow::active);
        vm.sort("userName", true);
        var q = api.userQueries.get(api.userQueries.size() - 1);
        assertThat(q.sortBy()).isEqualTo("userName");
        assertThat(q.descending()).isTrue();
        assertThat(q.status()).isEqualTo(UserStatus.SUSPENDED);
    }

    @Test
    void aSuspendedUserShowsSinceWhenAndTheDeletion() {
        UserRow row = api.users.get(49);
        api.details.put(row.id(), new UserDetail(row, "User", "50", null, null, Instant.parse("2026-02-01T09:00:00Z"),
                Instant.parse("2026-02-28T09:00:00Z"), "{}"));
        vm.select(row);
        String text = vm.suspension(vm.detailProperty().get());
        assertThat(text).startsWith("Suspended since").contains("2 days ago").contains("30 days").contains("Mar 30, 2026");
        assertThat(vm.suspension(new UserDetail(api.users.get(0), null, null, null, null, null, null, "{}"))).isNull();
    }
}
