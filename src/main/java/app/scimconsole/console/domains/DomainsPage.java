package app.scimconsole.console.domains;

import app.scimconsole.console.common.LivePage;
import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConnectionModel;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The Domains section: the wizard's domains pane (every domain, live status) as a page of its own. */
public final class DomainsPage implements Page {
    private final LivePage live;

    public DomainsPage(AppContext ctx) {
        ConnectionModel connection = ctx.connection();
        Supplier<LiveCheck> check = () -> connection.dnsChecker()::check;
        DomainsViewModel vm = new DomainsViewModel(ctx.ui(), connection::api, check);
        // People Entra sent and this service refused, for a domain not registered yet: offered as "Add …".
        ctx.overview().overviewProperty().addListener((o, was, now) -> vm.setRefused(refused(now)));
        vm.setRefused(refused(ctx.overview().get()));
        Parent pane = Views.load("domains/DomainsPane.fxml", new DomainsPaneController(vm, ctx.i18n()), ctx.i18n());
        Label title = new Label(ctx.i18n().text("nav.domains"));
        title.getStyleClass().add("step-title");
        VBox box = new VBox(title, pane);
        box.getStyleClass().add("step");
        ScrollPane scroller = new ScrollPane(box);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("step-scroller");
        live = new LivePage(scroller, connection.connectionProperty(), List.of(vm::activate, ctx.overview()::watch));
    }

    private static List<String> refused(app.scimconsole.admin.AdminApi.Overview o) {
        return o == null || o.unverifiedRejectedDomains() == null ? List.of() : o.unverifiedRejectedDomains();
    }

    @Override
    public Parent root() {
        return live.root();
    }

    @Override
    public void shown() {
        live.shown();
    }

    @Override
    public void hidden() {
        live.hidden();
    }
}
