package app.scimconsole.console.webhooks;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.IssuedFields;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Webhooks view: the connected service's endpoints with their health, and what the owner does with them — add
 * one (its signing secret shown once, with Copy), remove one (after asking), give one a new secret, set where its
 * deliveries go on from (replay from a cursor). Everything goes through the admin API in the background; a refusal
 * comes back as the reason's sentence in the owner's language.
 */
public final class WebhooksViewModel {
    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final WebhookWords words;
    private final ObservableList<WebhookRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<WebhookRow> selected = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty events = new SimpleStringProperty("");
    private final StringProperty cursor = new SimpleStringProperty("");
    private final StringProperty issuedSecret = new SimpleStringProperty("");
    private final StringProperty issuedNote = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty noteIsError = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The note says why the last read failed (not what an action did): a read that works takes it away. */
    private boolean noteIsReadFailure;

    public WebhooksViewModel(UiKit ui, Supplier<AdminApi> api) {
        this.ui = ui;
        this.api = api;
        this.words = new WebhookWords(ui);
    }

    /** Reads the endpoints and their health, keeping the selection on the same endpoint. */
    public void load() {
        Tasks.create(() -> api.get().webhooks()).quiet().onSuccess(this::show).onError(m -> {
            tell(m, true);
            noteIsReadFailure = true;
        }).runOnce(ui.tasks());
    }

    private void show(List<AdminApi.WebhookEntry> entries) {
        if (noteIsReadFailure) {
            note.set("");
            noteIsReadFailure = false;
        }
        String was = selected.get() == null ? null : selected.get().id();
        rows.setAll(entries.stream().map(words::row).toList());
        selected.set(rows.stream().filter(r -> r.id().equals(was)).findFirst().orElse(null));
    }

    /** Adds an endpoint for the URL and the event types typed (comma-separated; none: every type). */
    public void add() {
        String address = url.get().strip();
        if (address.isEmpty()) {
            tell(ui.text("webhooks.add.urlMissing"), true);
            return;
        }
        List<String> types = Arrays.stream(events.get().split("[,\\s]+")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
        run(() -> api.get().addWebhook(address, types), ui.text("webhooks.adding"), added -> {
            issue(added.secret(), ui.text("webhooks.issued.added", address));
            url.set("");
            events.set("");
            tell(ui.text("webhooks.added", address), false);
        });
    }

    /** Removes the selected endpoint once the owner confirms. */
    public void remove() {
        WebhookRow row = selected.get();
        if (row == null || !ui.confirmer().confirm(ui.text("webhooks.remove.title"),
                ui.text("webhooks.remove.header", row.url()), ui.text("webhooks.remove.details"),
                ui.text("webhooks.remove.confirm"))) {
            return;
        }
        run(() -> {
            api.get().removeWebhook(row.id());
            return row;
        }, ui.text("webhooks.removing"), r -> tell(ui.text("webhooks.removed", r.url()), false));
    }

    /** Gives the selected endpoint a new signing secret once the owner confirms; the new one is shown once. */
    public void rotateSecret() {
        WebhookRow row = selected.get();
        if (row == null || !ui.confirmer().confirm(ui.text("webhooks.rotate.title"),
                ui.text("webhooks.rotate.header", row.url()), ui.text("webhooks.rotate.details"),
                ui.text("webhooks.rotate.confirm"))) {
            return;
        }
        run(() -> api.get().rotateWebhookSecret(row.id()), ui.text("webhooks.rotating"), rotated -> {
            String until = ui.texts().time(rotated.previousSecretValidUntil());
            issue(rotated.secret(), ui.text("webhooks.issued.rotated", row.url(), until));
            tell(ui.text("webhooks.rotated", row.url(), until), false);
        });
    }

    /** Sets the selected endpoint's cursor to the one typed: its next deliveries are the events after it. */
    public void replay() {
        WebhookRow row = selected.get();
        if (row == null) {
            return;
        }
        String after = cursor.get().strip();
        run(() -> api.get().replayWebhook(row.id(), after), ui.text("webhooks.replaying"), r -> {
            cursor.set("");
            tell(r.eventsLost() ? ui.text("webhooks.replayed.lost", row.url(), r.after(), r.oldestKept(), r.backlog())
                    : ui.text("webhooks.replayed", row.url(), r.after(), r.backlog()), false);
        });
    }

    /** Copies the secret shown once. */
    public void copySecret() {
        IssuedFields.copy(ui, issuedSecret.get(), "webhooks.copied");
    }

    /** Forgets the secret shown once (the owner has kept it). */
    public void hideSecret() {
        issue("", "");
    }

    private <T> void run(Callable<T> work, String doing, Consumer<T> done) {
        busy.set(true);
        Tasks.create(work).describedAs(doing).onSuccess(v -> {
            done.accept(v);
            load();
        }).onError(m -> tell(m, true)).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    private void issue(String secret, String said) {
        issuedSecret.set(secret);
        issuedNote.set(said);
    }

    /**
     * Says it at the top of the view, and what was done in the status bar too (the owner may be scrolled down to the
     * replay); a failure is in the status bar already, put there by the task runner.
     */
    private void tell(String text, boolean error) {
        noteIsReadFailure = false;
        note.set(text);
        noteIsError.set(error);
        if (!error && !text.isEmpty()) {
            ui.status().success(text);
        }
    }

    public ObservableList<WebhookRow> rows() {
        return rows;
    }

    public ObjectProperty<WebhookRow> selectedProperty() {
        return selected;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** The event types typed, comma-separated; empty: every type. */
    public StringProperty eventsProperty() {
        return events;
    }

    /** The cursor typed for a replay. */
    public StringProperty cursorProperty() {
        return cursor;
    }

    /** A signing secret just issued (empty once hidden): shown only now. */
    public StringProperty issuedSecretProperty() {
        return issuedSecret;
    }

    /** Which endpoint the secret shown belongs to, and what to do with it. */
    public StringProperty issuedNoteProperty() {
        return issuedNote;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty noteIsErrorProperty() {
        return noteIsError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
