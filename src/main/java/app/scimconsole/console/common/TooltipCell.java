package app.scimconsole.console.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell of text whose whole value is also in its tooltip, for when the column is narrower than the value. */
public final class TooltipCell<S> extends TableCell<S, String> {
    /**
     * One tooltip for the cell's life, its text changed with the value: the table reuses a cell row after row, and a
     * new tooltip for each value (a popup control each) made every page shown cost a few hundred of them.
     */
    private Tooltip tooltip;

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        if (empty || item == null || item.isEmpty()) {
            setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        tooltip.setText(item);
        setTooltip(tooltip);
    }
}
