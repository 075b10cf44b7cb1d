package app.scimconsole.console.setup;

/**
 * The wizard's steps, in order, and its end: {@link #FINISH} is the page after the last step, which says whether the
 * owner is set up and what happens next. The names are stored in the settings: do not rename.
 */
public enum StepId {
    BEFORE("step.before"),
    ENABLE("step.enable"),
    ENTRA("step.entra"),
    PROVISIONING("step.provisioning"),
    DOMAINS("step.domains"),
    FINISH("step.finish");

    /** The steps to do; the wizard's end is not one of them. */
    public static final java.util.List<StepId> STEPS = java.util.List.of(BEFORE, ENABLE, ENTRA, PROVISIONING, DOMAINS);

    private final String key;

    StepId(String key) {
        this.key = key;
    }

    /** The i18n key prefix: {@code <key>.title}, {@code <key>.subtitle}. */
    public String key() {
        return key;
    }

    public int number() {
        return ordinal() + 1;
    }
}
