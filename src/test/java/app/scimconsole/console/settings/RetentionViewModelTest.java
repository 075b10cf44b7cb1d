package app.scimconsole.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.common.Problems.PlainException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RetentionViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final RetentionViewModel vm = new RetentionViewModel(ui.kit, () -> api);

    @Test
    void showsTheDaysTheServiceKeeps() {
        api.historyRetentionDays = 30;
        assertThat(vm.loadedProperty().get()).isFalse();
        vm.load();
        assertThat(vm.daysProperty().get()).isEqualTo("30");
        assertThat(vm.savedDaysProperty().get()).isEqualTo(30);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.noteProperty().get()).isEmpty();
    }

    @Test
    void savesTheDaysTypedAndSaysWhatHappensToOlderHistory() {
        vm.load();
        vm.daysProperty().set(" 365 ");
        vm.save();
        assertThat(api.historyRetentionDays).isEqualTo(365);
        assertThat(vm.savedDaysProperty().get()).isEqualTo(365);
        assertThat(vm.noteProperty().get())
                .isEqualTo("Saved: the history of changes is kept for 365 days. Anything older is deleted within an hour.");
        assertThat(vm.noteIsErrorProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theBoundsAreKeptAndToldInWordsWithoutAskingTheService() {
        vm.load();
        for (String typed : new String[] {"0", "3651", "-5", "ninety", "", "1.5"}) {
            vm.daysProperty().set(typed);
            vm.save();
            assertThat(vm.noteProperty().get()).as(typed)
                    .isEqualTo("Enter a whole number of days from 1 to 3,650 (ten years).");
            assertThat(vm.noteIsErrorProperty().get()).isTrue();
        }
        assertThat(api.historyRetentionDays).isEqualTo(90);
        vm.daysProperty().set("1");
        vm.save();
        assertThat(api.historyRetentionDays).isEqualTo(1);
        vm.daysProperty().set("3650");
        vm.save();
        assertThat(api.historyRetentionDays).isEqualTo(3650);
        assertThat(vm.noteIsErrorProperty().get()).isFalse();
    }

    @Test
    void inJapaneseTheBoundsAreToldInJapanese() {
        TestUi ja = new TestUi(Locale.JAPANESE);
        RetentionViewModel jvm = new RetentionViewModel(ja.kit, () -> api);
        jvm.load();
        jvm.daysProperty().set("5000");
        jvm.save();
        assertThat(jvm.noteProperty().get()).isEqualTo("日数は 1 から 3,650 (10 年) までの整数で入力してください。");
        jvm.daysProperty().set("14");
        jvm.save();
        assertThat(jvm.noteProperty().get()).startsWith("保存しました: 変更履歴は 14 日間保存されます。");
    }

    @Test
    void whenTheServiceCannotBeReachedTheFieldStaysOffAndSaysWhy() {
        RetentionViewModel offline = new RetentionViewModel(ui.kit, () -> {
            throw new PlainException("Not connected to a service.");
        });
        offline.load();
        assertThat(offline.loadedProperty().get()).isFalse();
        assertThat(offline.noteProperty().get()).isEqualTo("Not connected to a service.");
        assertThat(offline.noteIsErrorProperty().get()).isTrue();
    }

    @Test
    void aRefusalOfTheServiceIsShownInWords() {
        AdminApi refusing = new FakeAdminApi() {
            @Override
            public int setHistoryRetentionDays(int days) {
                throw new AdminException(400, "out of range", Reason.of("history.retention.outOfRange", days, 1, 3650));
            }
        };
        RetentionViewModel strict = new RetentionViewModel(ui.kit, () -> refusing);
        strict.load();
        strict.daysProperty().set("30");
        strict.save();
        assertThat(strict.noteProperty().get())
                .isEqualTo("History can be kept from 1 to 3,650 days; 30 days is outside that range.");
        assertThat(strict.savedDaysProperty().get()).isEqualTo(90);
    }
}
