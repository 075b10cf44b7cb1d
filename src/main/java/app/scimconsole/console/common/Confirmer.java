package app.scimconsole.console.common;

/** Asks the owner to confirm a consequential action. View models get one; tests answer it themselves. */
@FunctionalInterface
public interface Confirmer {
    /**
     * @param title   the dialog's title
     * @param header  the question, e.g. "Generate a new secret token?"
     * @param details what happens, in a sentence or two
     * @param confirm the label of the button that does it, e.g. "Generate new token"
     */
    boolean confirm(String title, String header, String details, String confirm);
}
