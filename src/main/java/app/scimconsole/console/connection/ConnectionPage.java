package app.scimconsole.console.connection;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/** The Connection section: embedded or remote service. */
public final class ConnectionPage implements Page {
    private final Parent root;

    public ConnectionPage(AppContext ctx) {
        ConnectionViewModel vm = new ConnectionViewModel(ctx.ui(), ctx.settings(), ctx.connection(),
                ctx.options().dataFolder());
        root = Views.load("connection/ConnectionView.fxml", new ConnectionController(vm), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }
}
