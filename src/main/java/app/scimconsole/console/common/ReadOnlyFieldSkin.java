package app.scimconsole.console.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.layout.Pane;

/**
 * The skin of a read-only field (style class {@code read-only-field}, set in console.css): a value wider than the
 * field ends in "…", as a cut label does, so the owner sees there is more; the whole value is in its tooltip
 * ({@link WholeText}). While the field has the keyboard focus it is an ordinary text field again, showing the value
 * itself, so the caret and selection (and Ctrl+C) work on the whole of it.
 */
public class ReadOnlyFieldSkin extends TextFieldSkin {
    /** The style class of the shortened value, for looks and for tests. */
    public static final String MARK = "cut-mark";
    private final Label mark = new Label();
    private final Node text;

    public ReadOnlyFieldSkin(TextField field) {
        super(field);
        text = getChildren().stream().filter(n -> n instanceof Pane).findFirst().orElse(null);
        mark.getStyleClass().setAll(MARK);
        mark.setManaged(false);
        mark.setMouseTransparent(true); // a click reaches the field: it takes the focus and shows the value itself
        mark.setTextOverrun(OverrunStyle.ELLIPSIS);
        mark.setEllipsisString("…");
        mark.setAlignment(Pos.CENTER_LEFT);
        mark.setMnemonicParsing(false);
        mark.textProperty().bind(field.textProperty());
        mark.fontProperty().bind(field.fontProperty());
        mark.textFillProperty().bind(textFillProperty());
        mark.setVisible(false);
        getChildren().add(mark);
        registerChangeListener(field.focusedProperty(), o -> field.requestLayout());
        WholeText.tooltipWhenCut(field);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        TextField field = getSkinnable();
        boolean marked = !field.isFocused() && WholeText.cut(field);
        mark.setVisible(marked);
        if (text != null) {
            text.setOpacity(marked ? 0 : 1);
        }
        if (marked) {
            mark.resizeRelocate(x, y, w, h);
        }
    }

    /** Whether {@code field} shows its value shortened, ending in "…" (it has this skin, and the value is cut). */
    public static boolean marked(TextField field) {
        return field.getSkin() instanceof ReadOnlyFieldSkin s && s.mark.isVisible();
    }

    /** What {@code field} shows while its value is shortened ("https://scim.exam…"), or null when it is not. */
    public static String shown(TextField field) {
        if (!marked(field)) {
            return null;
        }
        Label m = ((ReadOnlyFieldSkin) field.getSkin()).mark;
        return m.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(null);
    }
}
