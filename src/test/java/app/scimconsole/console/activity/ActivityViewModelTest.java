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
                userName, outcome, reason, null);
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
    void exportWritesTheRowsAndColumnsShown() throws Exception {
        ActivityEntry a = entry(1, "rejected", "m@unverified.example",
                Reason.of("scim.problem.VALUE_TAKEN", "userName", "m@unverified.example"));
        Path file = dir.resolve("a.csv");
        vm.export(file, List.of(a), List.of(Column.TIME, Column.OPERATION, Column.USER_NAME, Column.OUTCOME,
                Column.DETAIL));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFTime,Operation,User name,Outcome,Detail\r\n"
                + "\"Mar 2, 2026, 8:51 AM\",Create,m@unverified.example,Rejected,userName “m@unverified.example” is already taken.\r\n");
        assertThat(ui.lastNotice()).isEqualTo("1 entry saved to a.csv");
    }
}
