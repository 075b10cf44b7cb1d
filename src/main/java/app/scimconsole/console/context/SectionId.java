package app.scimconsole.console.context;

/** The names of the sidebar's sections, by which any page may ask to show another. */
public final class SectionId {
    public static final String OVERVIEW = "overview";
    public static final String USERS = "users";
    public static final String GROUPS = "groups";
    public static final String ACTIVITY = "activity";
    public static final String DOMAINS = "domains";
    public static final String WEBHOOKS = "webhooks";
    public static final String SETUP = "setup";
    public static final String CONNECTION = "connection";
    public static final String SETTINGS = "settings";

    private SectionId() {
    }
}
