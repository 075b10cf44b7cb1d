package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi;

/**
 * How Entra authenticates to the SCIM app, as the owner chooses it in setup step 2. Each method names its admin API
 * code and its bundle key; the step shows one pane per method (see {@code EnableScimController#panes}), so a further
 * method is a value here, its pane and its texts.
 */
public enum CredentialMethod {
    SECRET_TOKEN(AdminApi.METHOD_SECRET_TOKEN),
    OAUTH_CLIENT(AdminApi.METHOD_OAUTH_CLIENT),
    FEDERATION(AdminApi.METHOD_FEDERATION);

    private final String code;

    CredentialMethod(String code) {
        this.code = code;
    }

    /** The admin API's name for it. */
    public String code() {
        return code;
    }

    /** The bundle key of its name, e.g. {@code method.SECRET_TOKEN}. */
    public String textKey() {
        return "method." + name();
    }

    /** The bundle key of setup step 3's instruction: which authentication method to pick in Entra, what to paste. */
    public String entraStepKey() {
        return "entra.click3." + name();
    }

    /** The method of the admin API's code; a method this console does not know yet is shown as the default. */
    public static CredentialMethod of(String code) {
        for (CredentialMethod m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        return SECRET_TOKEN;
    }
}
