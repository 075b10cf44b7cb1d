package app.scimconsole.console.activity;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import java.io.File;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.FileChooser;

/** The Activity section: live (polled) only while shown. */
public final class ActivityPage implements Page {
    private final ActivityViewModel vm;
    private final Parent root;
    private Scheduler.Cancellable watching;

    public ActivityPage(AppContext ctx) {
        vm = new ActivityViewModel(ctx.ui(), ctx.connection()::api, ctx.options().pollInterval());
        Function<FileChooser, File> dialog = ctx::showSaveDialog;
        root = Views.load("activity/ActivityView.fxml", new ActivityController(vm, ctx.i18n(), dialog), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (watching == null) {
            watching = vm.watch();
        }
    }

    @Override
    public void hidden() {
        if (watching != null) {
            watching.cancel();
            watching = null;
        }
    }
}
