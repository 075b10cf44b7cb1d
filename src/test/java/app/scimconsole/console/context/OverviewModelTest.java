package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.common.TaskRunner;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.scim.ScimProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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

    /**
     * Issue 21: the window watches for an outage of the storage for as long as it is open; that alone reads only the
     * storage's state (the overview counts every user's attributes, a second or two of work at a million users). A view
     * that shows the overview reads it at once and at each poll, which then says the storage's state too.
     */
    @Test
    void theWindowsWatchReadsTheStorageStateAloneUntilAViewWatchesTheOverview() {
        var window = model.watchStorage();
        ui.scheduler.tick();
        ui.scheduler.tick();
        assertThat(api.calls).containsExactly("storage", "storage", "storage");
        assertThat(model.get()).as("no overview read").isNull();

        api.calls.clear();
        var view = model.watch();
        assertThat(model.get()).as("read when the view began to watch").isNotNull();
        ui.scheduler.tick();
        assertThat(api.calls).containsExactly("overview", "overview");
        assertThat(ui.scheduler.active()).as("one poll for both").isEqualTo(1);

        api.calls.clear();
        view.cancel();
        ui.scheduler.tick();
        assertThat(api.calls).containsExactly("storage");
        window.cancel();
        assertThat(ui.scheduler.active()).isZero();
    }

    /** A view's read asked for while another runs waits for it; reads asked for meanwhile are one read after it. */
    @Test
    void neverTwoReadsAtOnce() {
        List<Tasks.Spec<?>> running = new ArrayList<>();
        TaskRunner held = running::add;
        var immediate = ui.kit.tasks();
        var kit = new UiKit(held, ui.status, ui.kit.texts(), ui.clock, ui.kit.clipboard(), ui.kit.confirmer(),
                ui.scheduler);
        OverviewModel model = new OverviewModel(kit, () -> api, Duration.ofSeconds(5));
        model.watchStorage();
        var view = model.watch();
        ui.scheduler.tick();
        model.refresh();
        assertThat(running).hasSize(1);
        immediate.run(running.remove(0));
        assertThat(running).as("the overview asked for meanwhile, once").hasSize(1);
        // A page that watches again (a new connection) while the overview's read is under way waits for that read.
        view.cancel();
        model.watch();
        immediate.run(running.remove(0));
        assertThat(running).isEmpty();
        assertThat(api.calls).containsExactly("storage", "overview");
    }

    /**
     * A new connection reads what is watched from the new service at once: the overview while a view shows it, else
     * the storage's state for the window's banner, else nothing.
     */
    @Test
    void aNewConnectionReadsOnlyWhatIsWatched() {
        model.readWatched();
        assertThat(api.calls).as("no one watches").isEmpty();
        var window = model.watchStorage();
        api.calls.clear();
        model.readWatched();
        assertThat(api.calls).containsExactly("storage");
        var view = model.watch();
        api.calls.clear();
        model.readWatched();
        assertThat(api.calls).containsExactly("overview");
        view.cancel();
        window.cancel();
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

    /**
     * Issue 22: a refusal for an outage of the service's storage is the banner's text, in the owner's language,
     * until a read works again; any other failure is not an outage.
     */
    @Test
    void anOutageOfTheServicesStorageIsSaidWhileItLasts() {
        outageSaidWhileItLasts(OverviewModel::refresh);
    }

    /** The same by the window's light read of the storage's state alone. */
    @Test
    void anOutageOfTheServicesStorageIsSaidWhileItLastsByTheWindowsLightRead() {
        outageSaidWhileItLasts(model -> model.watchStorage().cancel());
    }

    private static void outageSaidWhileItLasts(Consumer<OverviewModel> read) {
        for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            TestUi ui = new TestUi(language);
            FakeAdminApi api = new FakeAdminApi();
            OverviewModel model = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
            for (ScimProblem outage : List.of(ScimProblem.DATABASE_UNREACHABLE, ScimProblem.STORAGE_FULL)) {
                api.failure = new AdminException(503, outage.english(List.of()), new Reason(outage.code(), List.of()));
                read.accept(model);
                assertThat(model.storageOutageProperty().get()).as(language + " " + outage)
                        .isEqualTo(ui.i18n.text("reason." + outage.code()))
                        .isEqualTo(model.problemProperty().get());
            }
            api.failure = new AdminException(401, "The service refused the admin credential.");
            read.accept(model);
            assertThat(model.storageOutageProperty().get()).as("not an outage of the storage").isEmpty();
            api.failure = new AdminException(503, "busy", new Reason(ScimProblem.DATABASE_UNREACHABLE.code(),
                    List.of()));
            read.accept(model);
            api.failure = null;
            read.accept(model);
            assertThat(model.storageOutageProperty().get()).as("over once a read works").isEmpty();

            // A full disk leaves reads working: the overview itself says that changes are refused, and why.
            Overview healthy = api.overview;
            api.overview = withOutage(healthy, new Reason("storage.FULL", List.of("/srv/scim", "4096")));
            read.accept(model);
            assertThat(model.storageOutageProperty().get()).as(language.toString())
                    .isEqualTo(ui.kit.reasons().text(api.overview.storageOutage())).contains("/srv/scim");
            api.overview = healthy;
            read.accept(model);
            assertThat(model.storageOutageProperty().get()).isEmpty();
        }
    }

    @Test
    void everyKindOfOutageTheServiceReportsHasItsWordsInBothLanguages() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            TestUi ui = new TestUi(language);
            for (String kind : List.of("UNREACHABLE", "FULL", "READ_ONLY", "IO_ERROR")) {
                String text = ui.kit.reasons().text(new Reason("storage." + kind, List.of("/srv/scim", "0")));
                assertThat(text).as(language + " " + kind).doesNotContain("storage.").isNotBlank();
            }
        }
    }

    private static Overview withOutage(Overview o, Reason outage) {
        return new Overview(o.tenantId(), o.tenantUrl(), o.scimEnabled(), o.tokenCreated(), o.tokenLastUsed(),
                o.lastRequest(), o.activeUsers(), o.suspendedUsers(), o.groups(), o.rejectedLastDay(), o.coverage(),
                o.unverifiedRejectedDomains(), o.tokens(), outage);
    }
}
