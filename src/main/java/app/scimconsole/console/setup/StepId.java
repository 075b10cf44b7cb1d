package app.scimconsole.console.setup;

/** The wizard's steps, in order. The names are stored in the settings: do not rename. */
public enum StepId {
    BEFORE("step.before"),
    ENABLE("step.enable"),
    ENTRA("step.entra"),
    PROVISIONING("step.provisioning"),
    DOMAINS("step.domains");

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
