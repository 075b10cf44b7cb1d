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
    /** The first page was asked for while the view was built, so its first showing does not ask again. */
    private boolean readWhileBuilt;

    public UsersPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new UsersViewModel(ctx.ui(), ctx.connection()::api);
        // The service reads the first page while the window's thread builds the view, not after it (issue 21: either
        // can take a second or more at a million users on a busy machine); the answer is shown once the view is
        // built, as the window's thread takes it after the build.
        if (ctx.connection().isConnected()) {
            vm.load();
            readWhileBuilt = true;
        }
        root = Views.load("users/UsersView.fxml", new UsersController(vm, ctx.i18n()), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (readWhileBuilt) {
            readWhileBuilt = false; // the page is on its way; the rest is read now, the controls bound
            vm.loadDomains();
            vm.loadRejected();
        } else if (ctx.connection().isConnected()) {
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
