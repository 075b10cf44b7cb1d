package app.scimconsole.console.users;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/**
 * The Users section. Reads the first page when shown and again whenever the connection changes; shown before there
 * is a connection (the console opened on it while its service starts), it reads once connected.
 */
public final class UsersPage implements Page {
    private final AppContext ctx;
    private final UsersViewModel vm;
    private final Parent root;
    private boolean loaded;

    public UsersPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new UsersViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("users/UsersView.fxml", new UsersController(vm, ctx.i18n()), ctx.i18n());
        ctx.connection().connectionProperty().addListener((o, was, now) -> {
            if (now != null && loaded) {
                read();
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        loaded = true;
        if (ctx.connection().isConnected()) {
            read();
        }
    }

    @Override
    public void connected() {
        loaded = true;
        read();
    }

    private void read() {
        vm.load();
        vm.loadDomains();
        vm.loadRejected();
    }

    public UsersViewModel viewModel() {
        return vm;
    }
}
