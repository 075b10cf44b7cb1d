package app.scimconsole.console.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell of text whose whole value is also in its tooltip, for when the column is narrower than the value. */
public final class TooltipCell<S> extends TableCell<S, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
    }
}
