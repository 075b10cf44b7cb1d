package app.scimconsole.console.users;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/** The Users section. Reads the first page when first shown and again whenever the connection changes. */
public final class UsersPage implements Page {
    private final UsersViewModel vm;
    private final Parent root;
    private boolean loaded;

    public UsersPage(AppContext ctx) {
        vm = new UsersViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("users/UsersView.fxml", new UsersController(vm, ctx.i18n()), ctx.i18n());
        ctx.connection().connectionProperty().addListener((o, was, now) -> {
            if (now != null && loaded) {
                vm.load();
                vm.loadDomains();
                vm.loadRejected();
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
        vm.load();
        vm.loadDomains();
        vm.loadRejected();
    }

    @Override
    public void connected() {
        shown();
    }

    public UsersViewModel viewModel() {
        return vm;
    }
}
