package app.scimconsole.console.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.WebhookEntry;
import app.scimconsole.admin.AdminApi.WebhookReplayed;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.service.WebhookFailure;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhooksViewModelTest {
    static final Instant SINCE = Instant.parse("2026-03-01T08:30:00Z");

    final TestUi ui = new TestUi();
    final ReplayingApi api = new ReplayingApi();
    final WebhooksViewModel vm = new WebhooksViewModel(ui.kit, () -> api);

    /** The fake service, answering a replay as the real one does for a cursor beyond the newest event. */
    static final class ReplayingApi extends FakeAdminApi {
        long newest = 41;

        @Override
        public WebhookReplayed replayWebhook(String id, String after) {
            if (after.chars().allMatch(Character::isDigit) && Long.parseLong(after) > newest) {
                throw new AdminException(400, "beyond", Reason.of("admin.webhook.cursorBeyondNewest", after,
                        Long.toString(newest)));
            }
            if (!after.chars().allMatch(Character::isDigit)) {
                throw new AdminException(400, "invalid", Reason.of("admin.webhook.cursorInvalid", after));
            }
            super.replayWebhook(id, after);
            return new WebhookReplayed(id, after, "12", Long.parseLong(after) < 11, 7);
        }
    }

    void endpoints() {
        api.webhooks.add(new WebhookEntry("w1", "https://ovice.example.com/hook", List.of(), SINCE, SINCE, null,
                "HEALTHY", 0, null));
        api.webhooks.add(new WebhookEntry("w2", "https://down.example.com/hook", List.of("user.created",
                "user.deleted"), SINCE, null, SINCE, "RETRYING", 12, Reason.of(WebhookFailure.SERVER_ERROR, 500)));
        api.webhooks.add(new WebhookEntry("w3", "https://gone.example.com/hook", List.of(), SINCE, SINCE, SINCE,
                "FAILING", 1, Reason.of(WebhookFailure.TIMEOUT)));
    }

    @Test
    void eachEndpointsHealthIsToldInWords() {
        endpoints();
        vm.load();
        assertThat(vm.rows()).extracting(WebhookRow::state).containsExactly("Healthy",
                "Retrying — failing since Mar 1, 2026, 8:30 AM", "Failing since Mar 1, 2026, 8:30 AM — tried every six hours");
        assertThat(vm.rows()).extracting(WebhookRow::stateStyle).containsExactly("healthy", "retrying", "failing");
        WebhookRow down = vm.rows().get(1);
        assertThat(down.events()).isEqualTo("user.created, user.deleted");
        assertThat(down.lastSuccess()).isEqualTo("never");
        assertThat(down.backlog()).isEqualTo("12 events waiting");
        assertThat(down.lastProblem()).isEqualTo("Last problem: The receiver answered with an error (HTTP 500); the"
                + " service at that address is failing.");
        assertThat(vm.rows().get(0).details()).isEqualTo("Events: all events  ·  Last success: Mar 1, 2026, 8:30 AM"
                + "  ·  nothing waiting");
        assertThat(vm.rows().get(0).lastProblem()).isEmpty();
        assertThat(vm.rows().get(2).lastProblem()).isEqualTo("Last problem: The receiver did not answer in time (15"
                + " seconds, 5 to connect).");
        assertThat(vm.rows().get(2).backlog()).isEqualTo("1 event waiting");
    }

    @Test
    void aReadThatFailedIsForgottenOnceAReadWorks() {
        api.failure = new AdminException(503, "not yet");
        vm.load();
        assertThat(vm.noteProperty().get()).isNotEmpty();

        api.failure = null;
        endpoints();
        vm.load();
        assertThat(vm.noteProperty().get()).as("the service answers now").isEmpty();
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void theRecordedFailuresBecomeSentences() {
        WebhookWords words = new WebhookWords(ui.kit);
        assertThat(words.problem(Reason.of(WebhookFailure.REDIRECT, 302))).contains("redirect (HTTP 302)");
        assertThat(words.problem(Reason.of(WebhookFailure.REFUSED, 401))).contains("refused the delivery (HTTP 401)");
        assertThat(words.problem(Reason.of(WebhookFailure.ADDRESS_REFUSED, "10.0.0.7")))
                .contains("leads to 10.0.0.7, a private");
        assertThat(words.problem(Reason.of(WebhookFailure.UNREACHABLE, "Connection refused")))
                .contains("could not be reached (Connection refused)");
        assertThat(words.problem(Reason.of(WebhookFailure.TLS, "Hostname hook.example.com not verified:")))
                .contains("secure (HTTPS) connection to the receiver failed (Hostname hook.example.com not verified:)")
                .contains("certificate");
        // a failure recorded as text by an earlier version
        assertThat(words.problem(Reason.of(WebhookFailure.OTHER, "HTTP 503"))).contains("delivery failed (HTTP 503)");
        assertThat(words.problem(null)).isEmpty();
    }

    @Test
    void addingShowsTheSecretOnceWithCopyAndAnEmptyAddressIsToldWithoutAsking() {
        vm.add();
        assertThat(vm.noteProperty().get()).isEqualTo("Enter the address that should receive the events.");
        assertThat(api.calls).doesNotContain("addWebhook:");

        vm.urlProperty().set(" https://ovice.example.com/hook ");
        vm.eventsProperty().set("user.created, user.deleted");
        vm.add();
        assertThat(api.webhooks).singleElement().satisfies(w -> {
            assertThat(w.url()).isEqualTo("https://ovice.example.com/hook");
            assertThat(w.events()).containsExactly("user.created", "user.deleted");
        });
        assertThat(vm.issuedSecretProperty().get()).isEqualTo("whsec_fake-webhook-1");
        assertThat(vm.issuedNoteProperty().get()).startsWith("The signing secret of https://ovice.example.com/hook.");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.urlProperty().get()).isEmpty();
        vm.copySecret();
        assertThat(ui.lastClipboard()).isEqualTo("whsec_fake-webhook-1");
        vm.hideSecret();
        assertThat(vm.issuedSecretProperty().get()).isEmpty();
    }

    @Test
    void removingAndRotatingAskFirst() {
        endpoints();
        vm.load();
        vm.selectedProperty().set(vm.rows().get(1));
        ui.confirmAnswer = false;
        vm.remove();
        vm.rotateSecret();
        assertThat(api.webhooks).hasSize(3);
        assertThat(ui.confirmations).containsExactly("Remove https://down.example.com/hook?",
                "Give https://down.example.com/hook a new signing secret?");
        assertThat(vm.issuedSecretProperty().get()).isEmpty();

        ui.confirmAnswer = true;
        vm.rotateSecret();
        assertThat(vm.issuedSecretProperty().get()).isEqualTo("whsec_rotated-w2");
        assertThat(vm.issuedNoteProperty().get()).contains("Until ").contains("signed with it and with the old one");
        vm.remove();
        assertThat(api.webhooks).extracting(WebhookEntry::id).containsExactly("w1", "w3");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void aReplaySaysWhereDeliveriesGoOnAndARefusedCursorIsToldInWords() {
        endpoints();
        vm.load();
        vm.selectedProperty().set(vm.rows().get(0));
        vm.cursorProperty().set("99");
        vm.replay();
        assertThat(vm.noteProperty().get()).isEqualTo("There is no event 99 yet: the newest event is 41. Give a cursor"
                + " up to 41.");
        assertThat(vm.noteIsErrorProperty().get()).isTrue();
        vm.cursorProperty().set("last week");
        vm.replay();
        assertThat(vm.noteProperty().get()).startsWith("“last week” is not a cursor");

        vm.cursorProperty().set("20");
        vm.replay();
        assertThat(api.calls).contains("replayWebhook:w1:20");
        assertThat(vm.noteProperty().get()).isEqualTo("https://ovice.example.com/hook goes on after event 20: 7 events"
                + " are waiting, delivered in order.");
        assertThat(vm.noteIsErrorProperty().get()).isFalse();
        assertThat(vm.cursorProperty().get()).isEmpty();

        vm.cursorProperty().set("0");
        vm.replay();
        assertThat(vm.noteProperty().get()).contains("it starts from the oldest kept, event 12.");
    }

    @Test
    void inJapaneseTheStatesProblemsAndRefusalsAreJapanese() {
        TestUi ja = new TestUi(Locale.JAPANESE);
        WebhooksViewModel jvm = new WebhooksViewModel(ja.kit, () -> api);
        endpoints();
        jvm.load();
        assertThat(jvm.rows().get(0).state()).isEqualTo("正常");
        assertThat(jvm.rows().get(1).state()).startsWith("再試行中 — ").endsWith("から失敗");
        assertThat(jvm.rows().get(1).lastProblem()).isEqualTo("直近の問題: 受信側がエラーを返しました (HTTP 500)。"
                + "そのアドレスのサービスに障害が起きています。");
        assertThat(jvm.rows().get(1).backlog()).isEqualTo("待機中のイベント 12 件");
        jvm.selectedProperty().set(jvm.rows().get(0));
        jvm.cursorProperty().set("99");
        jvm.replay();
        assertThat(jvm.noteProperty().get()).isEqualTo("イベント 99 はまだありません。最新のイベントは 41 です。41 以下のカーソルを指定してください。");
    }
}
