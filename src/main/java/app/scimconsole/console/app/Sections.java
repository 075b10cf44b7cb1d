package app.scimconsole.console.app;

import app.scimconsole.console.activity.ActivityPage;
import app.scimconsole.console.connection.ConnectionPage;
import app.scimconsole.console.domains.DomainsPage;
import app.scimconsole.console.groups.GroupsPage;
import app.scimconsole.console.overview.OverviewPage;
import app.scimconsole.console.settings.SettingsPage;
import app.scimconsole.console.setup.SetupPage;
import app.scimconsole.console.users.UsersPage;
import java.util.List;

/** The sidebar's sections, in order; each page is built the first time it is shown. */
public final class Sections {
    public static final String OVERVIEW = "overview";
    public static final String USERS = "users";
    public static final String GROUPS = "groups";
    public static final String ACTIVITY = "activity";
    public static final String DOMAINS = "domains";
    public static final String SETUP = "setup";
    public static final String CONNECTION = "connection";
    public static final String SETTINGS = "settings";

    private Sections() {
    }

    public static List<NavItem> of(AppContext ctx) {
        return List.of(
                new NavItem(OVERVIEW, "nav.overview", () -> new OverviewPage(ctx)),
                new NavItem(USERS, "nav.users", () -> new UsersPage(ctx)),
                new NavItem(GROUPS, "nav.groups", () -> new GroupsPage(ctx)),
                new NavItem(ACTIVITY, "nav.activity", () -> new ActivityPage(ctx)),
                new NavItem(DOMAINS, "nav.domains", () -> new DomainsPage(ctx)),
                new NavItem(SETUP, "nav.setup", () -> new SetupPage(ctx)),
                new NavItem(CONNECTION, "nav.connection", () -> new ConnectionPage(ctx)),
                new NavItem(SETTINGS, "nav.settings", () -> new SettingsPage(ctx)));
    }
}
