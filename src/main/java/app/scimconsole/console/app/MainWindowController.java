package app.scimconsole.console.app;

import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.StatusModel;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.SectionId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The main window: header with the connection, sidebar, the current page, error notices and the status bar. */
public final class MainWindowController {
    private static final Duration NOTICE_TIME = Duration.seconds(6);

    @FXML
    private BorderPane root;
    @FXML
    private javafx.scene.control.MenuBar menuBar;
    @FXML
    private VBox sidebar;
    @FXML
    private HBox noticeBar;
    @FXML
    private Label noticeText;
    @FXML
    private HBox connectionBanner;
    @FXML
    private Label bannerText;
    @FXML
    private Label connectionBadge;
    @FXML
    private Button retryButton;
    @FXML
    private Button connectionButton;
    @FXML
    private Button dismissButton;
    @FXML
    private StackPane contentHost;
    @FXML
    private Label statusLabel;
    @FXML
    private ProgressBar statusProgress;

    private final AppContext ctx;
    private final List<NavItem> items;
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<String, Page> pages = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final PauseTransition noticeTimer = new PauseTransition(NOTICE_TIME);
    private final MenuModel menu;
    private Page current;
    /**
     * True while {@link #initialize} selects the section the window opens on: its button is selected at once, its page
     * is built by {@link #showOpeningPage} after the window's first frame (issue 21).
     */
    private boolean opening;
    /** True while the window shows the section it starts on, which is not a choice to remember. */
    private boolean restoring;
    private boolean flashing;

    public MainWindowController(AppContext ctx, List<NavItem> items) {
        this.ctx = ctx;
        this.items = items;
        this.menu = new MenuModel(ctx.ui(), ctx::browse, () -> {
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                root.getScene().getWindow().hide(); // as closing the window: settings saved, the service stopped
            }
        }, ctx.options().dataFolder());
    }

    @FXML
    private void initialize() {
        ctx.setNavigator(this::select);
        StatusModel status = ctx.status();
        statusLabel.setText(status.textProperty().get());
        // A note too long for the bar ends in "…": its whole text is then in the label's tooltip.
        app.scimconsole.console.common.WholeText.tooltipWhenCut(statusLabel);
        status.textProperty().addListener((o, was, now) -> {
            if (!flashing) {
                statusLabel.setText(now);
            }
        });
        // While work runs: a moving bar; otherwise none, its place kept so the note does not move. The bar stays
        // indeterminate (MainWindow.fxml) and is only shown and hidden, which starts and pauses its animation: turning
        // it determinate when hidden made its skin build its parts again twice per read, each search keystroke's too.
        statusProgress.visibleProperty().bind(status.runningProperty().greaterThan(0));
        status.noticeProperty().addListener((o, was, n) -> showNotice(n));
        noticeTimer.setOnFinished(e -> {
            flashing = false;
            statusLabel.setText(status.textProperty().get());
        });

        ConnectionModel connection = ctx.connection();
        connectionBadge.textProperty().bind(connection.descriptionProperty());
        connection.stateProperty().addListener((o, was, now) -> showConnectionState());
        // Each new connection, whether the first (the service started) or a switch to another service, which leaves
        // the state CONNECTED as it was: the page on screen reads from it, once.
        connection.connectionProperty().addListener((o, was, now) -> {
            if (now != null && current != null) {
                current.connected();
            }
        });
        connection.problemProperty().addListener((o, was, now) -> showConnectionState());
        connection.changeProblemProperty().addListener((o, was, now) -> showConnectionState());
        ctx.overview().storageOutageProperty().addListener((o, was, now) -> showConnectionState());
        showConnectionState();

        int n = 1;
        for (NavItem item : items) {
            ToggleButton b = new ToggleButton(ctx.i18n().text(item.labelKey()));
            b.setId("nav-" + item.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMnemonicParsing(false);
            b.setUserData(item.id());
            if (n <= 9) {
                KeyCombination key = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(n)), KeyCombination.SHORTCUT_DOWN);
                root.sceneProperty().addListener((o, was, scene) -> {
                    if (scene != null) {
                        scene.getAccelerators().put(key, () -> selectByKey(item.id()));
                    }
                });
            }
            n++;
            buttons.put(item.id(), b);
            sidebar.getChildren().add(b);
        }
        nav.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // a section stays selected when its button is pressed again
            } else if (now != null) {
                show((String) now.getUserData());
            }
        });
        String last = ctx.settings().current().lastView();
        // First run: the setup wizard; afterwards the view the owner left. Only its button now: the window's frame
        // (header, sidebar, status bar) is laid out and painted first, the page right after (showOpeningPage).
        opening = true;
        try {
            select(last != null && buttons.containsKey(last) ? last
                    : buttons.containsKey(SectionId.SETUP) ? SectionId.SETUP : items.get(0).id());
        } finally {
            opening = false;
        }
    }

    /**
     * Builds and shows the page of the selected section, unless a page is shown already (the owner chose a section
     * first: a shortcut or the sidebar shows its page at once). Called right after the window's first frame, so that
     * the page's FXML, its first style pass and its layout come after the window is on screen (issue 21). The
     * section the window opens on is not written back as the last view: it is what the settings already say, and a
     * write would start Jackson on the way to the first screen.
     */
    public void showOpeningPage() {
        if (current != null || nav.getSelectedToggle() == null) {
            return;
        }
        restoring = true;
        try {
            show((String) nav.getSelectedToggle().getUserData());
        } finally {
            restoring = false;
        }
    }

    /**
     * What the window needs only once it is open, started after its first screen (issue 21): the storage's state,
     * read for as long as the window is open so that an outage of the service's storage is shown (and its end noticed)
     * whichever section is on screen (a light read: the overview's counts only while a section shows them); and the
     * sidebar's tooltips naming each button's shortcut, seen only on hovering.
     */
    public void finishOpening() {
        ctx.overview().watchStorage();
        int n = 1;
        for (NavItem item : items) {
            if (n <= 9) {
                buttons.get(item.id()).setTooltip(new Tooltip(ctx.i18n().text("nav.shortcut", n)));
            }
            n++;
        }
    }

    /** Shows a section by id ("setup", "connection", …). */
    public void select(String id) {
        ToggleButton b = buttons.get(id);
        if (b != null) {
            b.setSelected(true);
            show(id);
        }
    }

    /**
     * A shortcut (Ctrl+N) chose a section: when the keyboard focus was on a sidebar button, it moves to the chosen one,
     * so that no other button keeps a focus outline and looks selected too.
     */
    private void selectByKey(String id) {
        select(id);
        javafx.scene.Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        ToggleButton b = buttons.get(id);
        if (b != null && focused instanceof ToggleButton && sidebar.getChildren().contains(focused) && focused != b) {
            b.requestFocus();
        }
    }

    private void show(String id) {
        if (opening) {
            return; // the page waits for the window's first frame
        }
        NavItem item = items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        Page page = pages.computeIfAbsent(id, k -> item.page().get());
        if (page == current) {
            return;
        }
        if (current != null) {
            current.hidden();
        }
        current = page;
        contentHost.getChildren().setAll(page.root());
        page.shown();
        if (!restoring) {
            ctx.settings().update(s -> s.withLastView(id));
        }
    }

    private void showConnectionState() {
        ConnectionModel.State state = ctx.connection().stateProperty().get();
        connectionBadge.getStyleClass().removeAll("connected", "failed");
        connectionBadge.getStyleClass().add(state == ConnectionModel.State.CONNECTED ? "connected"
                : state == ConnectionModel.State.FAILED ? "failed" : "connecting");
        boolean failed = state == ConnectionModel.State.FAILED;
        boolean connecting = state == ConnectionModel.State.CONNECTING;
        // A change that failed kept the working connection: said beside it, not as "not connected".
        String kept = state == ConnectionModel.State.CONNECTED ? ctx.connection().changeProblemProperty().get() : "";
        boolean changeFailed = !kept.isEmpty();
        // Connected, but the service cannot use its storage: said while it lasts, in the service's own reason.
        String outage = state == ConnectionModel.State.CONNECTED ? ctx.overview().storageOutageProperty().get() : "";
        boolean storageDown = !outage.isEmpty();
        boolean shown = failed || connecting || changeFailed || storageDown;
        Views.shown(connectionBanner, shown);
        connectionBanner.getStyleClass().removeAll("banner-error", "banner-info");
        connectionBanner.getStyleClass().add(failed || changeFailed || storageDown ? "banner-error" : "banner-info");
        bannerText.setText(failed ? ctx.connection().problemProperty().get()
                : changeFailed ? kept : storageDown ? outage : ctx.i18n().text("connection.bannerStarting"));
        Views.shown(retryButton, failed);
        Views.shown(connectionButton, failed || changeFailed);
        dismissButton.setVisible(changeFailed); // the working connection is fine: the owner may put the news away
        dismissButton.setManaged(changeFailed);
    }

    /**
     * Errors need attention: they stay in the notice bar above the page until closed. Confirmations ("copied") only
     * flash in the status bar, so they never move what the owner works on.
     */
    private void showNotice(StatusModel.Notice n) {
        if (n == null) {
            return;
        }
        if (n.kind() == StatusModel.Kind.ERROR) {
            noticeText.setText(n.text());
            Views.shown(noticeBar, true);
            return;
        }
        flashing = true;
        statusLabel.setText((n.kind() == StatusModel.Kind.SUCCESS ? "✓ " : "") + n.text());
        noticeTimer.playFromStart();
    }

    @FXML
    private void closeNotice() {
        Views.shown(noticeBar, false);
    }

    @FXML
    private void quit() {
        menu.quit();
    }

    @FXML
    private void openEntra() {
        menu.openEntraAdminCenter();
    }

    @FXML
    private void openDocs() {
        menu.openProvisioningDocs();
    }

    /** Help → About: the version, the data folder and the bundled libraries' licences, in the console's own look. */
    @FXML
    private void about() {
        AboutInfo info = menu.about();
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(ctx.i18n().text("about.title"));
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        javafx.scene.control.DialogPane pane = dialog.getDialogPane();
        pane.setContent(app.scimconsole.console.common.Views.load("app/AboutDialog.fxml",
                new AboutController(info, menu.versionText(info)), ctx.i18n()));
        javafx.scene.control.ButtonType close = new javafx.scene.control.ButtonType(ctx.i18n().text("common.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(close);
        pane.lookupButton(close).setId("aboutCloseButton");
        app.scimconsole.console.common.Dialogs.style(pane, root.getScene() == null ? null : root.getScene().getWindow());
        pane.getStyleClass().add("about-dialog");
        dialog.show();
    }

    @FXML
    private void retry() {
        ctx.connection().retry();
    }

    @FXML
    private void dismiss() {
        ctx.connection().dismissChangeProblem();
    }

    @FXML
    private void openConnection() {
        select("connection");
    }

    /** The text of the error notice shown last (tests, accessibility). */
    public String notificationText() {
        return noticeText.getText();
    }

    /** What the status bar says now. */
    public String statusText() {
        return statusLabel.getText();
    }
}
