package app.scimconsole.console.settings;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings view's history retention: how many days the connected service keeps the attribute history, read
 * from it and saved to it through the admin API (in the background). The days are typed as text and checked here,
 * so a person is told the bounds in words rather than having the field snap back silently.
 */
public final class RetentionViewModel {
    /** The bounds the service accepts; the field refuses the same before asking it. */
    public static final int MIN_DAYS = AdminApi.HistorySettings.MIN_DAYS;
    public static final int MAX_DAYS = AdminApi.HistorySettings.MAX_DAYS;

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final StringProperty days = new SimpleStringProperty("");
    private final IntegerProperty savedDays = new SimpleIntegerProperty();
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty noteIsError = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public RetentionViewModel(UiKit ui, Supplier<AdminApi> api) {
        this.ui = ui;
        this.api = api;
    }

    /** Reads the service's retention. */
    public void load() {
        Tasks.create(() -> api.get().historyRetentionDays()).quiet().onSuccess(d -> {
            show(d);
            loaded.set(true);
            tell("", false);
        }).onError(m -> {
            loaded.set(false);
            tell(m, true);
        }).runOnce(ui.tasks());
    }

    /** The days typed, as a number within the bounds; null (and the reason told) when they are not. */
    Integer checked() {
        Integer d = days(days.get());
        if (d == null) {
            tell(ui.text("settings.retention.invalid", MIN_DAYS, MAX_DAYS), true);
        }
        return d;
    }

    /** {@code text} as a number of days within the bounds, else null. */
    public static Integer days(String text) {
        try {
            int d = Integer.parseInt(text == null ? "" : text.strip());
            return d < MIN_DAYS || d > MAX_DAYS ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Saves the typed retention on the service; what is now older goes at its next purge. */
    public void save() {
        Integer d = checked();
        if (d == null) {
            return;
        }
        busy.set(true);
        Tasks.create(() -> api.get().setHistoryRetentionDays(d)).describedAs(ui.text("settings.saving"))
                .onSuccess(kept -> {
                    show(kept);
                    tell(ui.text("settings.retention.saved", kept), false);
                }).onError(m -> tell(m, true)).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    private void show(int d) {
        savedDays.set(d);
        days.set(Integer.toString(d));
    }

    private void tell(String text, boolean error) {
        note.set(text);
        noteIsError.set(error);
    }

    /** The days as typed in the field. */
    public StringProperty daysProperty() {
        return days;
    }

    /** The days the service keeps, as last read or saved. */
    public IntegerProperty savedDaysProperty() {
        return savedDays;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty noteIsErrorProperty() {
        return noteIsError;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
