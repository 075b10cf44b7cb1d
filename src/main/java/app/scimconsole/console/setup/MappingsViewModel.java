package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: the required mappings as a table that turns live. For each mapping, how many provisioned users carry the
 * attribute; a mapping none of the users carries probably is not mapped in Entra.
 */
public final class MappingsViewModel {
    public enum RowState { WAITING, MAPPED, PARTIAL, MISSING }

    /** One table row. */
    public static final class Row {
        private final RequiredMapping mapping;
        private final StringProperty count = new SimpleStringProperty("—");
        private final ObjectProperty<RowState> state = new SimpleObjectProperty<>(RowState.WAITING);
        private final StringProperty note = new SimpleStringProperty("");

        Row(RequiredMapping mapping) {
            this.mapping = mapping;
        }

        public RequiredMapping mapping() {
            return mapping;
        }

        public ReadOnlyStringProperty countProperty() {
            return count;
        }

        public ReadOnlyObjectProperty<RowState> stateProperty() {
            return state;
        }

        public ReadOnlyStringProperty noteProperty() {
            return note;
        }
    }

    public enum Summary { WAITING, ALL_MAPPED, SOME_MISSING }

    /** A line under the table for a mapping that needs a look. */
    public record Note(RowState state, String text) {
    }

    private final UiKit ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>(Summary.WAITING);
    private final StringProperty summaryText = new SimpleStringProperty("");
    private final StringProperty rejectedText = new SimpleStringProperty("");
    private final ObservableList<Note> notes = FXCollections.observableArrayList();

    public MappingsViewModel(UiKit ui, OverviewModel overview) {
        this.ui = ui;
        for (RequiredMapping m : RequiredMapping.values()) {
            rows.add(new Row(m));
        }
        overview.overviewProperty().addListener((o, was, now) -> update(now));
        update(overview.get());
    }

    void update(Overview o) {
        MappingCoverage c = o == null ? null : o.coverage();
        long users = c == null ? 0 : c.users();
        List<String> missing = new ArrayList<>();
        List<Note> newNotes = new ArrayList<>();
        for (Row row : rows) {
            if (users == 0) {
                row.count.set(ui.text("mappings.noUsers"));
                row.state.set(RowState.WAITING);
                row.note.set("");
                continue;
            }
            long n = row.mapping.count(c);
            row.count.set(ui.text("mappings.count", n, users));
            if (n >= users) {
                row.state.set(RowState.MAPPED);
                row.note.set(ui.text("mappings.note.mapped"));
            } else if (n > 0) {
                row.state.set(RowState.PARTIAL);
                row.note.set(ui.text("mappings.note.partial", users - n));
                newNotes.add(new Note(RowState.PARTIAL, row.mapping.entraAttribute() + " → " + row.mapping.scimAttribute()
                        + ": " + row.note.get()));
            } else {
                row.state.set(RowState.MISSING);
                row.note.set(ui.text("mappings.note.missing", row.mapping.entraAttribute(), row.mapping.scimAttribute()));
                missing.add(row.mapping.entraAttribute());
                newNotes.add(new Note(RowState.MISSING, row.note.get()));
            }
        }
        newNotes.sort((a, b) -> b.state().compareTo(a.state()));
        notes.setAll(newNotes);
        if (users == 0) {
            summary.set(Summary.WAITING);
            summaryText.set(ui.text("mappings.summary.waiting"));
        } else if (missing.isEmpty()) {
            summary.set(Summary.ALL_MAPPED);
            summaryText.set(ui.text("mappings.summary.ok", users));
        } else {
            summary.set(Summary.SOME_MISSING);
            summaryText.set(ui.text("mappings.summary.missing", String.join(", ", missing)));
        }
        List<String> rejected = o == null || o.unverifiedRejectedDomains() == null ? List.of() : o.unverifiedRejectedDomains();
        rejectedText.set(rejected.isEmpty() ? "" : ui.text("mappings.rejected", String.join(", ", rejected)));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Lines for the mappings that are partly or not at all there, missing ones first. */
    public ObservableList<Note> notes() {
        return notes;
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText;
    }

    /** Non-empty when Entra's users were refused for unverified domains. */
    public ReadOnlyStringProperty rejectedTextProperty() {
        return rejectedText;
    }
}
