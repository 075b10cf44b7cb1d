package app.scimconsole.console.activity;

import app.scimconsole.console.common.LivePage;
import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.FileChooser;

/** The Activity section: live (polled) only while shown. */
public final class ActivityPage implements Page {
    private final LivePage live;

    public ActivityPage(AppContext ctx) {
        ActivityViewModel vm = new ActivityViewModel(ctx.ui(), ctx.connection()::api, ctx.options().pollInterval());
        Function<FileChooser, File> dialog = ctx::showSaveDialog;
        Parent root = Views.load("activity/ActivityView.fxml", new ActivityController(vm, ctx.i18n(), dialog), ctx.i18n());
        live = new LivePage(root, ctx.connection().connectionProperty(), List.of(vm::watch));
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
