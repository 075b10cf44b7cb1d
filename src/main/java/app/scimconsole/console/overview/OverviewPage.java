package app.scimconsole.console.overview;

import app.scimconsole.console.common.LivePage;
import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.SectionId;
import java.util.List;
import javafx.scene.Parent;

/** The Overview section, live while shown. */
public final class OverviewPage implements Page {
    private final LivePage live;

    public OverviewPage(AppContext ctx) {
        OverviewViewModel vm = new OverviewViewModel(ctx.ui(), ctx.overview(), ctx.connection()::api,
                ctx.options().pollInterval());
        Parent root = Views.load("overview/OverviewView.fxml", new OverviewController(vm, () -> ctx.navigate(SectionId.USERS)), ctx.i18n());
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
