package app.scimconsole.console;

import app.scimconsole.console.app.MainWindowController;
import app.scimconsole.console.app.Sections;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleOptions;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.console.context.SingleInstance;
import app.scimconsole.directory.DataFolder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop console. Started from {@link app.scimconsole.Main} with no arguments (Main itself does not extend
 * Application, so the plain classpath, the jar and jpackage launches all work). By default it runs the service
 * embedded, started off the FX thread, and closes it on exit.
 */
public final class ConsoleApp extends Application {
    private static final System.Logger LOG = System.getLogger(ConsoleApp.class.getName());
    public static final String CSS = Themes.CSS;
    public static final String CSS_DARK = Themes.CSS_DARK;

    /** The data folder's lock when {@link #launchConsole} took it before the toolkit started. */
    private static volatile SingleInstance claimedAtLaunch;
    /** The settings being read while the toolkit starts, when {@link #launchConsole} started it. */
    private static volatile SettingsPreload settingsAtLaunch;

    private final ConsoleOptions options;
    private SingleInstance instance;
    private SettingsStore settings;
    private AppContext context;
    private MainWindowController window;
    private FontPreload fonts;

    /** The product: options from the system (see {@link ConsoleOptions#fromSystem()}). */
    public ConsoleApp() {
        this(ConsoleOptions.fromSystem());
    }

    public ConsoleApp(ConsoleOptions options) {
        this.options = options;
    }

    /**
     * Opens the console and returns its exit code when the window is closed: 0, or 1 with a one-line reason on
     * standard error when no window can be opened (no display, say).
     */
    public static int launchConsole(String[] args) {
        // Before the toolkit starts: a second start hands over to the open console without opening a window.
        Path folder = ConsoleOptions.fromSystem().dataFolder();
        try {
            DataFolder.ensure(folder);
            Optional<SingleInstance> mine = SingleInstance.claim(folder);
            if (mine.isEmpty()) {
                System.out.println("scim-console: the console is already open for " + folder
                        + "; its window was brought forward.");
                return 0;
            }
            claimedAtLaunch = mine.get();
            settingsAtLaunch = SettingsPreload.start(folder);
        } catch (IOException e) {
            // Without the lock the console still works; only a second start would not be caught.
            LOG.log(Level.WARNING, "The console's lock in " + folder + " could not be taken: " + e);
        }
        try {
            Application.launch(ConsoleApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.log(Level.DEBUG, "The console could not start", e);
            System.err.println("scim-console: the console could not open its window (" + root.getMessage()
                    + "). On a computer without a display, run the service headless instead: scim-console serve");
            return 1;
        }
    }

    @Override
    public void init() throws IOException {
        // Not on the FX thread: the one place where start-up waits for files (the settings are usually read by now).
        DataFolder.ensure(options.dataFolder());
        SingleInstance claimed = claimedAtLaunch;
        claimedAtLaunch = null;
        instance = claimed != null ? claimed : SingleInstance.claim(options.dataFolder())
                .orElseThrow(() -> new IllegalStateException("The console is already open for " + options.dataFolder()));
        SettingsPreload early = settingsAtLaunch;
        settingsAtLaunch = null;
        settings = early != null ? early.take(options.dataFolder()) : SettingsPreload.read(options.dataFolder());
        // The toolkit is up: the window's fonts are opened beside the FX thread's loading of the window (issue 21).
        fonts = FontPreload.start(AppContext.locale(options, settings));
    }

    @Override
    public void start(Stage stage) {
        if (settings == null) {
            throw new IllegalStateException("init() was not called");
        }
        context = new AppContext(options, settings, () -> stage);
        context.setBrowser(getHostServices()::showDocument);
        window = new MainWindowController(context, Sections.of(context));
        Parent root = Views.load("app/MainWindow.fxml", window, context.i18n());
        Scene scene = new Scene(root);
        FontPreload.Japanese japanese = fonts.japanese(); // none unless the window needs a Japanese family
        root.setStyle(japanese.style());
        japanese.codeStyleSheet().ifPresent(scene.getStylesheets()::add);
        Themes.apply(scene, Themes.isDark(settings.current().theme()));
        stage.setScene(scene);
        stage.setTitle(context.i18n().text("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        placeWindow(stage, settings.current().window());
        stage.setOnHiding(e -> rememberWindow(stage));
        instance.onAnotherStart(() -> Platform.runLater(() -> bringForward(stage)));
        // The window's frame (header, sidebar, status bar) is the first frame, its header saying "starting…"; the
        // opening section's page is built right after it and shown on the next pulse, the first screen; the service
        // (its database, migrations, HTTP listeners) starts only then, so that neither competes with it for the
        // machine's cores (issue 21).
        context.announceSaved();
        FirstFrame.after(scene, () -> {
            StartupTrace.mark(StartupTrace.FIRST_FRAME);
            window.showOpeningPage();
            FirstFrame.after(scene, () -> {
                StartupTrace.mark(StartupTrace.FIRST_SCREEN);
                traceServiceReady(context);
                context.connectAsSaved();
                window.finishOpening();
            });
        });
        stage.show();
    }

    /** One line on the first connected or failed state, when start-up tracing is on (see {@link StartupTrace}). */
    private static void traceServiceReady(AppContext context) {
        if (!StartupTrace.enabled()) {
            return;
        }
        context.connection().stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ConnectionModel.State> o,
                    ConnectionModel.State was, ConnectionModel.State now) {
                if (now == ConnectionModel.State.CONNECTED || now == ConnectionModel.State.FAILED) {
                    o.removeListener(this);
                    StartupTrace.mark(now == ConnectionModel.State.CONNECTED ? StartupTrace.SERVICE_READY
                            : StartupTrace.SERVICE_FAILED);
                }
            }
        });
    }

    /** A later start of the console on the same data folder: the owner wants this window. */
    private static void bringForward(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private static void placeWindow(Stage stage, ConsoleSettings.WindowBounds b) {
        if (b == null || b.width() < 300 || b.height() < 200) {
            stage.setWidth(1120);
            stage.setHeight(800);
            return;
        }
        boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setMaximized(b.maximized());
    }

    private void rememberWindow(Stage stage) {
        if (settings != null && !Double.isNaN(stage.getX())) {
            ConsoleSettings.WindowBounds b = new ConsoleSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized());
            settings.update(s -> s.withWindow(b));
        }
    }

    @Override
    public void stop() {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing the console: " + e);
            }
        } else if (settings != null) {
            settings.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    /** The running window's context (tests). */
    public AppContext context() {
        return context;
    }

    /** The running main window (tests). */
    public MainWindowController window() {
        return window;
    }
}
