package app.scimconsole.console.users;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/**
 * The Users section. Reads when shown, if connected; shown before there is a connection (the console opened on it
 * while its service starts), or on screen when the console connects to another service, it reads once connected
 * ({@link #connected()}, called by the main window for the page on screen).
 */
public final class UsersPage implements Page {
    private final AppContext ctx;
    private final UsersViewModel vm;
    private final Parent root;

    public UsersPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new UsersViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("users/UsersView.fxml", new UsersController(vm, ctx.i18n()), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (ctx.connection().isConnected()) {
            vm.refresh();
        }
    }

    @Override
    public void connected() {
        vm.refresh();
    }

    public UsersViewModel viewModel() {
        return vm;
    }
}
