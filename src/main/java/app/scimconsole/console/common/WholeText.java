package app.scimconsole.console.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Text that does not fit is never cut silently: a label shortened with an ellipsis, or a (read-only) text field whose
 * value is wider than the field, carries its whole value in its tooltip, shown only while it is cut. A text field
 * stays selectable, so a value to copy can still be copied whole.
 */
public final class WholeText {
    private static final String OURS = WholeText.class.getName();

    private WholeText() {
    }

    /** {@code label}'s tooltip is its whole text while the skin shows it shortened. */
    public static void tooltipWhenCut(Labeled label) {
        Runnable check = () -> {
            Text shown = shownText(label);
            String whole = plain(label);
            show(label, shown != null && !whole.isEmpty() && !whole.equals(shown.getText()) ? whole : null);
        };
        ChangeListener<Object> again = (o, was, now) -> check.run();
        label.skinProperty().addListener((o, was, now) -> {
            Text shown = shownText(label);
            if (shown != null) {
                shown.textProperty().addListener(again);
            }
            check.run();
        });
        label.textProperty().addListener(again);
        Text shown = shownText(label);
        if (shown != null) {
            shown.textProperty().addListener(again);
        }
    }

    /** The text {@code label} shows when it fits: its text without the mnemonic's underscore. */
    public static String plain(Labeled label) {
        String t = label.getText() == null ? "" : label.getText();
        if (!label.isMnemonicParsing()) {
            return t;
        }
        int i = t.indexOf('_');
        return i < 0 || i == t.length() - 1 ? t : t.substring(0, i) + t.substring(i + 1);
    }

    /**
     * {@code field}'s tooltip is its whole value while the value is wider than the field. A read-only field (style
     * class {@code read-only-field}) also ends such a value in "…" ({@link ReadOnlyFieldSkin}).
     */
    public static void tooltipWhenCut(TextField field) {
        if (field.getProperties().putIfAbsent(OURS + ".watched", Boolean.TRUE) != null) {
            return; // already watched (a read-only field's skin does it too)
        }
        ChangeListener<Object> check = (o, was, now) -> {
            String whole = field.getText();
            show(field, whole != null && !whole.isEmpty() && cut(field) ? whole : null);
        };
        field.textProperty().addListener(check);
        field.widthProperty().addListener(check);
        field.fontProperty().addListener(check);
    }

    /** Whether {@code field}'s value is wider than the room the field has for it. */
    public static boolean cut(TextField field) {
        Text measure = new Text(field.getText() == null ? "" : field.getText());
        measure.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        return field.getWidth() > 0 && measure.getLayoutBounds().getWidth() > room;
    }

    private static Text shownText(Labeled label) {
        for (Node n : label.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    private static void show(javafx.scene.control.Control c, String whole) {
        Tooltip current = c.getTooltip();
        boolean ours = current != null && current.getProperties().containsKey(OURS);
        if (whole == null) {
            if (ours) {
                Object before = current.getProperties().get(OURS);
                c.setTooltip(before instanceof Tooltip t ? t : null);
            }
            return;
        }
        // A tooltip the view already had (the lock's reason, say) is kept under the whole value.
        Tooltip before = ours ? (Tooltip) (current.getProperties().get(OURS) instanceof Tooltip t ? t : null) : current;
        String text = before == null ? whole : whole + "\n\n" + before.getText();
        if (ours && text.equals(current.getText())) {
            return;
        }
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        t.getProperties().put(OURS, before == null ? Boolean.TRUE : before);
        c.setTooltip(t);
    }
}
