package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.scim.ScimProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

    /**
     * Issue 22: a refusal for an outage of the service's storage is the banner's text, in the owner's language,
     * until a read works again; any other failure is not an outage.
     */
    @Test
    void anOutageOfTheServicesStorageIsSaidWhileItLasts() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            TestUi ui = new TestUi(language);
            FakeAdminApi api = new FakeAdminApi();
            OverviewModel model = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
            for (ScimProblem outage : List.of(ScimProblem.DATABASE_UNREACHABLE, ScimProblem.STORAGE_FULL)) {
                api.failure = new AdminException(503, outage.english(List.of()), new Reason(outage.code(), List.of()));
                model.refresh();
                assertThat(model.storageOutageProperty().get()).as(language + " " + outage)
                        .isEqualTo(ui.i18n.text("reason." + outage.code()))
                        .isEqualTo(model.problemProperty().get());
            }
            api.failure = new AdminException(401, "The service refused the admin credential.");
            model.refresh();
            assertThat(model.storageOutageProperty().get()).as("not an outage of the storage").isEmpty();
            api.failure = new AdminException(503, "busy", new Reason(ScimProblem.DATABASE_UNREACHABLE.code(),
                    List.of()));
            model.refresh();
            api.failure = null;
            model.refresh();
            assertThat(model.storageOutageProperty().get()).as("over once a read works").isEmpty();

            // A full disk leaves reads working: the overview itself says that changes are refused, and why.
            Overview healthy = api.overview;
            api.overview = withOutage(healthy, new Reason("storage.FULL", List.of("/srv/scim", "4096")));
            model.refresh();
            assertThat(model.storageOutageProperty().get()).as(language.toString())
                    .isEqualTo(ui.kit.reasons().text(api.overview.storageOutage())).contains("/srv/scim");
            api.overview = healthy;
            model.refresh();
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
