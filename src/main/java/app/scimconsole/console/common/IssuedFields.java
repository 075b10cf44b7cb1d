package app.scimconsole.console.common;

import javafx.beans.property.StringProperty;

/**
 * What the panes that issue a secret share (step 2's credentials, a webhook's signing secret): test fields that follow
 * what was issued, and copying a value with a word on where it goes.
 */
public final class IssuedFields {
    private IssuedFields() {
    }

    /** A test field starts as what was issued, and follows it until the owner types something else into it. */
    public static void follow(StringProperty issued, StringProperty test) {
        issued.addListener((o, was, now) -> {
            if (test.get().isEmpty() || test.get().equals(was)) {
                test.set(now);
            }
        });
    }

    /** Copies the value (when there is one) and says, in the status bar, where it goes ({@code saidKey}). */
    public static void copy(UiKit ui, String value, String saidKey) {
        if (!value.isEmpty()) {
            ui.clipboard().copy(value);
            ui.status().success(ui.text(saidKey));
        }
    }
}
