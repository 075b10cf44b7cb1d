package app.scimconsole.console.app;

import app.scimconsole.console.connection.ConnectionPage;
import app.scimconsole.console.setup.SetupPage;
import java.util.List;

/** The sidebar's sections, in order. New views (overview, users, groups, activity, settings) are added here. */
public final class Sections {
    public static final String SETUP = "setup";
    public static final String CONNECTION = "connection";

    private Sections() {
    }

    public static List<NavItem> of(AppContext ctx) {
        return List.of(
                new NavItem(SETUP, "nav.setup", () -> new SetupPage(ctx)),
                new NavItem(CONNECTION, "nav.connection", () -> new ConnectionPage(ctx)));
    }
}
