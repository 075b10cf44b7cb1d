package app.scimconsole.console.setup;

/**
 * The wizard's steps, in order, and its end. Domains are proven before provisioning is turned on: Entra's first cycle
 * would otherwise refuse everyone. {@link #FINISH} is the page after the last step, which says whether the
 * owner is set up and what happens next. The names are stored in the settings: do not rename.
 */
public enum StepId {
    BEFORE("step.before"),
    ENABLE("step.enable"),
    ENTRA("step.entra"),
    DOMAINS("step.domains"),
    PROVISIONING("step.provisioning"),
    FINISH("step.finish");

    /** The steps to do; the wizard's end is not one of them. */
    public static final java.util.List<StepId> STEPS = java.util.List.of(BEFORE, ENABLE, ENTRA, DOMAINS, PROVISIONING);

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
