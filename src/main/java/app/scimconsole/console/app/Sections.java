package app.scimconsole.console.app;

import app.scimconsole.console.activity.ActivityPage;
import app.scimconsole.console.connection.ConnectionPage;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.SectionId;
import app.scimconsole.console.domains.DomainsPage;
import app.scimconsole.console.groups.GroupsPage;
import app.scimconsole.console.overview.OverviewPage;
import app.scimconsole.console.settings.SettingsPage;
import app.scimconsole.console.setup.SetupPage;
import app.scimconsole.console.users.UsersPage;
import app.scimconsole.console.webhooks.WebhooksPage;
import java.util.List;

/** The sidebar's sections, in order; each page is built the first time it is shown. */
public final class Sections {
    private Sections() {
    }

    public static List<NavItem> of(AppContext ctx) {
        return List.of(
                new NavItem(SectionId.OVERVIEW, "nav.overview", () -> new OverviewPage(ctx)),
                new NavItem(SectionId.USERS, "nav.users", () -> new UsersPage(ctx)),
                new NavItem(SectionId.GROUPS, "nav.groups", () -> new GroupsPage(ctx)),
                new NavItem(SectionId.ACTIVITY, "nav.activity", () -> new ActivityPage(ctx)),
                new NavItem(SectionId.DOMAINS, "nav.domains", () -> new DomainsPage(ctx)),
                new NavItem(SectionId.WEBHOOKS, "nav.webhooks", () -> new WebhooksPage(ctx)),
                new NavItem(SectionId.SETUP, "nav.setup", () -> new SetupPage(ctx)),
                new NavItem(SectionId.CONNECTION, "nav.connection", () -> new ConnectionPage(ctx)),
                new NavItem(SectionId.SETTINGS, "nav.settings", () -> new SettingsPage(ctx)));
    }
}
