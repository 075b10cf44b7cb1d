package app.scimconsole.console.webhooks;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/** The Webhooks section: the endpoints that receive the directory events, their health, and the owner's actions. */
public final class WebhooksPage implements Page {
    private final AppContext ctx;
    private final WebhooksViewModel vm;
    private final Parent root;

    public WebhooksPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new WebhooksViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("webhooks/WebhooksView.fxml", new WebhooksController(vm, ctx.i18n()), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (ctx.connection().isConnected()) { // else read when connected
            vm.load();
        }
    }

    @Override
    public void connected() {
        vm.load();
    }

    public WebhooksViewModel viewModel() {
        return vm;
    }
}
