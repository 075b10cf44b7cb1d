package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminException;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverviewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final OverviewModel model = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));

    @Test
    void pollsOnlyWhileSomeoneWatches() {
        var a = model.watch();
        var b = model.watch();
        assertThat(ui.scheduler.active()).isEqualTo(1);
        assertThat(model.get()).isNotNull();
        api.calls.clear();
        ui.scheduler.tick();
        assertThat(api.calls).containsExactly("overview");
        a.cancel();
        a.cancel();
        assertThat(ui.scheduler.active()).isEqualTo(1);
        b.cancel();
        assertThat(ui.scheduler.active()).isZero();
    }

    @Test
    void aFailedReadKeepsTheLastAnswerAndSaysWhy() {
        model.refresh();
        var before = model.get();
        api.failure = new AdminException(401, "The service refused the admin credential. Check it in Settings.");
        model.refresh();
        assertThat(model.get()).isSameAs(before);
        assertThat(model.problemProperty().get()).contains("refused the admin credential");
        api.failure = null;
        model.refresh();
        assertThat(model.problemProperty().get()).isEmpty();
    }
}
