package app.scimconsole.console;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every text a person can read in the console's open windows: labels, buttons and cells (their full text, not the
 * clipped one), free text, what text fields hold and prompt for, tooltips, the items a combo box offers, table
 * headers, tab titles, window titles (the notice bar and the status bar are labels), and accessible texts (what a screen
 * reader says).
 * Only nodes that are visible, in visible parents. Call on the FX thread.
 */
final class VisibleTexts {
    /** One text, and where it was: the node's id or type, under its nearest ancestors with an id. */
    record Seen(String text, String where) {
    }

    private final List<Seen> seen = new ArrayList<>();

    private VisibleTexts() {
    }

    /** The texts of every window that is showing (the main window, dialogs, open popups). */
    static List<Seen> onScreen() {
        VisibleTexts v = new VisibleTexts();
        for (Window w : List.copyOf(Window.getWindows())) {
            Scene scene = w.getScene();
            if (w.isShowing() && scene != null && scene.getRoot() != null) {
                if (w instanceof Stage stage) {
                    v.add(stage.getTitle(), "[window title]");
                }
                v.walk(scene.getRoot(), "");
            }
        }
        return v.seen;
    }

    private void walk(Node node, String path) {
        if (!node.isVisible()) {
            return;
        }
        String where = node.getId() != null ? path + "/#" + node.getId() : path;
        String here = where + "/" + node.getClass().getSimpleName();
        add(node.getAccessibleText(), here + "[accessibleText]");
        Tooltip tip = node instanceof Control c && c.getTooltip() != null ? c.getTooltip()
                : node.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip t ? t : null;
        if (tip != null) {
            add(tip.getText(), here + "[tooltip]");
        }
        if (node instanceof TextInputControl field) {
            if (!(field instanceof PasswordField)) { // a password field shows bullets
                add(field.getText(), here);
            }
            add(field.getPromptText(), here + "[prompt]");
            return; // its skin only repeats the text, prompt and caret
        }
        if (node instanceof Labeled labeled) {
            add(labeled.getText(), here);
        } else if (node instanceof Text text && !isSkinTextOfALabel(text)) {
            add(text.getText(), here);
        }
        if (node instanceof ComboBox<?> combo) {
            comboItems(combo, here);
        } else if (node instanceof ChoiceBox<?> choice) {
            choiceItems(choice, here);
        } else if (node instanceof TableView<?> table) {
            table.getVisibleLeafColumns().forEach(c -> columnHeaders(c, here));
        } else if (node instanceof TreeTableView<?> table) {
            table.getVisibleLeafColumns().forEach(c -> columnHeaders(c, here));
        } else if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                add(t.getText(), here + "[tab]");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where);
            }
        }
    }

    /** The Text a label's skin draws is its text clipped to fit ("Connec…"); the label's own text is taken instead. */
    private static boolean isSkinTextOfALabel(Text text) {
        return text.getClass().getName().endsWith(".LabeledText");
    }

    private void columnHeaders(TableColumnBase<?, ?> column, String where) {
        add(column.getText(), where + "[column]");
        column.getColumns().forEach(c -> columnHeaders(c, where));
    }

    /** What the combo box's list offers, rendered by its own cells (the one chosen is its button cell, walked). */
    private <T> void comboItems(ComboBox<T> combo, String where) {
        ListView<T> list = new ListView<>(combo.getItems());
        for (int i = 0; i < combo.getItems().size(); i++) {
            String text;
            if (combo.getCellFactory() != null) {
                ListCell<T> cell = combo.getCellFactory().call(list);
                cell.updateListView(list);
                cell.updateIndex(i);
                text = cell.getText();
                if (cell.getGraphic() != null) {
                    walk(cell.getGraphic(), where + "[item " + i + "]");
                }
            } else {
                T item = combo.getItems().get(i);
                text = combo.getConverter() != null ? combo.getConverter().toString(item) : String.valueOf(item);
            }
            add(text, where + "[item " + i + "]");
        }
    }

    private <T> void choiceItems(ChoiceBox<T> choice, String where) {
        for (T item : choice.getItems()) {
            add(choice.getConverter() != null ? choice.getConverter().toString(item) : String.valueOf(item),
                    where + "[item]");
        }
    }

    private void add(String text, String where) {
        if (text != null && !text.isBlank()) {
            seen.add(new Seen(text, where));
        }
    }
}
