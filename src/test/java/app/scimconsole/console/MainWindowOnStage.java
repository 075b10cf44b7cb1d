package app.scimconsole.console;

import app.scimconsole.console.app.MainWindowController;
import app.scimconsole.console.app.Sections;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConsoleOptions;
import app.scimconsole.console.context.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's main window on TestFX's stage, in English, as {@link ConsoleApp} builds it but without starting a
 * service and without its opening page (the window at its first frame): for the UI tests of the window's frame.
 */
final class MainWindowOnStage implements AutoCloseable {
    final AppContext ctx;
    final MainWindowController window;
    final Stage stage;

    private MainWindowOnStage(AppContext ctx, MainWindowController window, Stage stage) {
        this.ctx = ctx;
        this.window = window;
        this.stage = stage;
    }

    /** Shows the window of a console whose data folder is {@code data} and whose settings are {@code settings}. */
    static MainWindowOnStage show(Path data, SettingsStore settings, boolean dark) throws Exception {
        ConsoleOptions options = new ConsoleOptions(data, null, null, Clock.systemUTC(), Locale.ENGLISH,
                Duration.ofMillis(300));
        Stage stage = FxToolkit.registerPrimaryStage();
        Object[] made = new Object[2];
        FxToolkit.setupStage(s -> {
            AppContext ctx = new AppContext(options, settings, () -> s);
            MainWindowController window = new MainWindowController(ctx, Sections.of(ctx));
            made[0] = ctx;
            made[1] = window;
            Parent root = Views.load("app/MainWindow.fxml", window, ctx.i18n());
            Scene scene = new Scene(root);
            Themes.apply(scene, dark);
            s.setScene(scene);
            s.setWidth(1120);
            s.setHeight(800);
            s.show();
            s.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new MainWindowOnStage((AppContext) made[0], (MainWindowController) made[1], stage);
    }

    /** Reads {@code read} on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        ctx.close();
    }
}
