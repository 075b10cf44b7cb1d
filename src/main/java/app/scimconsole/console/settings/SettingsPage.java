package app.scimconsole.console.settings;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.SectionId;
import javafx.scene.Parent;

/** The Settings section. */
public final class SettingsPage implements Page {
    private final AppContext ctx;
    private final SettingsViewModel vm;
    private final RetentionViewModel retention;
    private final Parent root;

    public SettingsPage(AppContext ctx) {
        this.ctx = ctx;
        vm = new SettingsViewModel(ctx.ui(), ctx.settings(), ctx.options().dataFolder(), dark -> {
            if (ctx.window() != null && ctx.window().getScene() != null) {
                Themes.apply(ctx.window().getScene(), dark);
            }
        });
        retention = new RetentionViewModel(ctx.ui(), ctx.connection()::api);
        root = Views.load("settings/SettingsView.fxml", new SettingsController(vm, retention,
                ctx.connection().descriptionProperty(), () -> ctx.navigate(SectionId.CONNECTION), ctx.i18n()), ctx.i18n());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.load();
        if (ctx.connection().isConnected()) { // the retention is the service's: read when connected
            retention.load();
        }
    }

    @Override
    public void connected() {
        vm.load();
        retention.load();
    }

    public SettingsViewModel viewModel() {
        return vm;
    }
}
