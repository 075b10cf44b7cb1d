package app.scimconsole.console.groups;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import javafx.scene.Parent;

/**
 * The Groups section; the shown page is re-read each time it is shown (once connected: shown while the service
 * starts, it reads when the connection comes).
 */
public final class GroupsPage implements Page {
    private final AppContext ctx;
    private final GroupsViewModel vm;
    private final Parent root;

    public GroupsPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new GroupsViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("groups/GroupsView.fxml", new GroupsController(vm, ctx.i18n()), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (ctx.connection().isConnected()) {
            vm.load();
        }
    }

    /** Another service's list: from its first page (a cursor names a place in one service's list). */
    @Override
    public void connected() {
        vm.reload();
    }
}
