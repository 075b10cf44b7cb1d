package app.scimconsole.console.common;

import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Next and previous over a list the admin API pages by cursor (keyset pages: as quick deep in a million rows as at
 * the top): the cursor the next load asks for, the shown page's number, whether pages lie before and after it, and
 * the "page n of m" line. The total is the one the service counted on the query's first page; a view model holds one
 * page of rows, never the list.
 */
public final class CursorPager {
    private final int pageSize;
    private final BiFunction<Integer, Integer, String> pageText;
    /** The shown page's number, from 0; set from each answer's place in the list. */
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final BooleanProperty hasNext = new SimpleBooleanProperty();
    private final BooleanProperty hasPrevious = new SimpleBooleanProperty();
    private final StringProperty label = new SimpleStringProperty("");
    private long total;
    private boolean moreThanTotal;
    private String nextCursor;
    private String previousCursor;
    private String cursor;

    /** {@code pageText}: the line for page n (from 1) of m. */
    public CursorPager(int pageSize, BiFunction<Integer, Integer, String> pageText) {
        this.pageSize = pageSize;
        this.pageText = pageText;
        label.set(pageText.apply(1, 1));
    }

    /** The next load asks for the first page (new criteria, or a list read afresh). */
    public void first() {
        cursor = null;
    }

    /** Whether there is a page after the shown one; if so, the next load asks for it. */
    public boolean toNext() {
        return to(nextCursor);
    }

    /** Whether there is a page before the shown one; if so, the next load asks for it. */
    public boolean toPrevious() {
        return to(previousCursor);
    }

    private boolean to(String target) {
        if (target == null) {
            return false;
        }
        cursor = target;
        return true;
    }

    /** The next load asks for the page {@code cursor} names again (null: the first): a refused load moved nothing. */
    public void resume(String cursor) {
        this.cursor = cursor;
    }

    /** The cursor the next load asks for (null: the first page). */
    public String cursor() {
        return cursor;
    }

    /** Takes what an answer says of the page it holds; nothing is shown before the first answer. */
    public void shown(int startIndex, long total, boolean moreThanTotal, String next, String previous) {
        this.total = total;
        this.moreThanTotal = moreThanTotal;
        nextCursor = next;
        previousCursor = previous;
        page.set((Math.max(1, startIndex) - 1) / pageSize);
        hasNext.set(next != null);
        hasPrevious.set(previous != null);
        label.set(pageText.apply(page.get() + 1, pageCount()));
    }

    /**
     * The pages the total fills, and one more while the service has not counted every match; at least the shown
     * page and, when the service offers a next one, that one too (the total may be older than the list).
     */
    public int pageCount() {
        long counted = (total + pageSize - 1) / pageSize + (moreThanTotal ? 1 : 0);
        return (int) Math.max(Math.max(1, counted), page.get() + (nextCursor != null ? 2 : 1));
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext;
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious;
    }

    /** "Page n of m". */
    public ReadOnlyStringProperty labelProperty() {
        return label;
    }
}
