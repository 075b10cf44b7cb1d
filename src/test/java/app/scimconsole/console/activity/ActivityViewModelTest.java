package app.scimconsole.console.activity;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.activity.ActivityViewModel.Column;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final ActivityViewModel vm = new ActivityViewModel(ui.kit, () -> api, Duration.ofSeconds(5));

    @TempDir
    Path dir;

    ActivityEntry entry(long seq, String outcome, String userName, Reason reason) {
        return new ActivityEntry(seq, Instant.parse("2026-03-02T08:5" + seq + ":00Z"), "CREATE", "User", "id" + seq,
                userName, outcome, reason, null, "203.0.113.9");
    }

    @Test
    void pollsOnlyWhileWatchedAndFilters() {
        api.activity.add(entry(2, "rejected", "m@unverified.example",
                Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "unverified.example")));
        api.activity.add(entry(1, "success", "a@example.com", Reason.of("activity.created")));
        var watch = vm.watch();
        assertThat(vm.entries()).hasSize(2);
        assertThat(ui.scheduler.active()).isEqualTo(1);
        vm.outcomeProperty().set(Outcome.REJECTED);
        assertThat(vm.entries()).hasSize(1);
        assertThat(vm.cell(vm.entries().get(0), Column.OUTCOME)).isEqualTo("Rejected");
        watch.cancel();
        assertThat(ui.scheduler.active()).isZero();
    }

    @Test
    void theTableShowsTheDateWithTheTime() {
        ActivityEntry a = entry(1, "success", "a@example.com", Reason.of("activity.created"));
        assertThat(vm.cell(a, Column.TIME)).isEqualTo("Mar 2, 2026, 8:51 AM");
    }

    @Test
    void aRejectionIsToldInFullWithWhatFixesItAndThatEntraSendsItAgain() {
        ActivityEntry a = entry(2, "rejected", "m@contoso.com",
                Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com"));
        vm.select(a);
        ActivityViewModel.Detail d = vm.detailProperty().get();
        assertThat(d.rejected()).isTrue();
        assertThat(d.userName()).isEqualTo("m@contoso.com");
        assertThat(d.clientAddress()).as("where Entra's request came from").isEqualTo("203.0.113.9");
        assertThat(d.title()).isEqualTo("Create · User");
        assertThat(d.reason()).startsWith("The e-mail domain contoso.com is not verified")
                .endsWith("Entra’s next cycle will then provision the user.");
        assertThat(d.fix()).startsWith("Add contoso.com on the Domains page and verify it");
        assertThat(d.retry()).startsWith("Nothing to retry by hand");
        assertThat(vm.copyShown()).isTrue();
        assertThat(ui.lastClipboard()).contains("Time: Mar 2, 2026, 8:52 AM\n").contains("User name: m@contoso.com\n")
                .contains("What fixes it: Add contoso.com").contains("Resource id: id2")
                .contains("Client address: 203.0.113.9\n");
        assertThat(ui.lastNotice()).isEqualTo("The entry’s details were copied.");

        vm.select(entry(3, "success", "a@example.com", Reason.of("activity.created")));
        assertThat(vm.detailProperty().get().fix()).as("nothing to fix").isNull();
        assertThat(vm.detailProperty().get().retry()).isNull();
        vm.select(null);
        assertThat(vm.copyShown()).isFalse();
    }

    @Test
    void aWritesDetailShowsWhatItChangedAndARefusalShowsNone() {
        ActivityEntry patched = new ActivityEntry(3, java.time.Instant.parse("2026-12-06T14:02:00Z"), "PATCH", "User",
                "u1", "alice@example.com", "success", Reason.of("activity.changed", "title"), null, "203.0.113.7",
                new app.scimconsole.admin.AdminApi.AttributeHistory("req", java.util.List.of(
                        new app.scimconsole.admin.AdminApi.AttributeChange("title", "Engineer", "Senior Engineer"))));
        ActivityViewModel.Detail d = vm.detail(patched);
        assertThat(d.changes()).startsWith("Job title: Engineer → Senior Engineer, Entra, Dec 6, 2026");
        assertThat(vm.copyText(d)).contains("What changed: \nJob title: Engineer → Senior Engineer");
        assertThat(vm.detail(entry(2, "rejected", "m@contoso.com",
                Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com"))).changes()).isNull();
    }

    @Test
    void theDetailIsJapaneseForAJapaneseOwner() {
        TestUi ja = new TestUi(java.util.Locale.JAPANESE);
        ActivityViewModel jvm = new ActivityViewModel(ja.kit, () -> api, Duration.ofSeconds(5));
        ActivityViewModel.Detail d = jvm.detail(entry(2, "rejected", "m@contoso.com",
                Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com")));
        assertThat(d.time()).isEqualTo("2026/03/02 08:52");
        assertThat(d.title()).isEqualTo("作成 · ユーザー");
        assertThat(d.fix()).startsWith("[ドメイン] ページで contoso.com を追加して証明してください");
        assertThat(d.retry()).startsWith("手動でやり直す必要はありません");
    }

    @Test
    void theEntryBeingReadIsFoundAgainAfterNewEntriesArrive() {
        api.activity.add(entry(1, "rejected", "m@contoso.com", Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com")));
        vm.load();
        vm.select(vm.entries().get(0));
        api.activity.add(0, entry(2, "success", "a@example.com", Reason.of("activity.created")));
        vm.load();
        assertThat(vm.indexOfShown()).isEqualTo(1);
    }

    @Test
    void exportWritesTheRowsAndColumnsShown() throws Exception {
        ActivityEntry a = entry(1, "rejected", "m@unverified.example",
                Reason.of("scim.problem.VALUE_TAKEN", "userName", "m@unverified.example"));
        Path file = dir.resolve("a.csv");
        vm.export(file, List.of(a), List.of(Column.TIME, Column.OPERATION, Column.USER_NAME, Column.OUTCOME,
                Column.DETAIL));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFTime,Operation,User name,Outcome,Detail,Client address\r\n"
                + "2026-03-02T08:51:00Z,Create,m@unverified.example,Rejected,userName “m@unverified.example” is already taken.,"
                + "203.0.113.9\r\n");
        assertThat(ui.lastNotice()).isEqualTo("1 entry saved to a.csv");
    }
}
