package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.LivePage;
import app.scimconsole.console.common.Page;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.SectionId;
import app.scimconsole.console.context.ServiceConnection;
import app.scimconsole.console.domains.DomainsPaneController;
import app.scimconsole.console.domains.DomainsViewModel;
import app.scimconsole.console.domains.LiveCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;

/** The Setup section: builds the wizard's view models and views, and starts live work only for the shown step. */
public final class SetupPage implements Page {
    private final SetupViewModel vm;
    private final SetupController controller;
    private final Parent root;

    public SetupPage(AppContext ctx) {
        UiKit ui = ctx.ui();
        I18n i18n = ctx.i18n();
        ConnectionModel connection = ctx.connection();
        Supplier<LiveCheck> live = () -> connection.dnsChecker()::check;
        OwnTraffic own = new OwnTraffic(ui.clock());
        ChecklistViewModel checklist = new ChecklistViewModel(ctx.settings(), () -> ctx.navigate(SectionId.CONNECTION),
                () -> ctx.navigate(SectionId.SETTINGS));
        EnableScimViewModel enable = new EnableScimViewModel(ui, connection::api, ctx.overview(), ctx::testConnection,
                () -> connection.targetProperty().get() == null
                        || connection.targetProperty().get().mode() == ConsoleSettings.Mode.EMBEDDED, own,
                new OAuthClientViewModel(ui, connection::api, ctx.overview()), ctx::testOAuthConnection,
                new FederationViewModel(ui, connection::api, ctx.overview()), ctx::testFederationConnection);
        MappingsViewModel mappings = new MappingsViewModel(ui, ctx.overview());
        FirstRequestViewModel firstRequest = new FirstRequestViewModel(ui, ctx.overview(), own);
        DomainsViewModel domains = new DomainsViewModel(ui, connection::api, live);
        vm = new SetupViewModel(ui, ctx.settings(), checklist, enable, mappings, firstRequest, domains);

        // The stepper shows done-ness of every step, so the service's state is read once connected, whichever step
        // shows: its domains, and its overview (the window itself reads only whether the storage is usable).
        connection.connectionProperty().addListener((o, was, now) -> connected(ctx, domains, checklist, now));
        connected(ctx, domains, checklist, connection.connectionProperty().get());

        controller = new SetupController(vm, i18n, step -> switch (step) {
            case BEFORE -> simple(Views.load("setup/BeforeStartStep.fxml", new BeforeStartController(checklist, i18n), i18n));
            case ENABLE -> watching(ctx, Views.load("setup/EnableScimStep.fxml", new EnableScimController(enable, i18n), i18n),
                    List.of());
            case ENTRA -> watching(ctx, Views.load("setup/EntraStep.fxml", new EntraController(mappings, vm, enable.methodProperty(), i18n), i18n),
                    List.of());
            case PROVISIONING -> watching(ctx, Views.load("setup/ProvisioningStep.fxml",
                    // Before Entra calls: a warning not to turn provisioning on yet. Once it called, the refusals say it.
                    new ProvisioningController(firstRequest, domains.loadedProperty().and(domains.anyVerifiedProperty().not())
                            .and(firstRequest.arrivedProperty().not()), () -> vm.go(StepId.DOMAINS)), i18n),
                    List.of(() -> ui.scheduler().every(Duration.ofSeconds(15), firstRequest::update), () -> {
                        // Whether a domain is verified decides this step's warning: read it as the step shows, and on.
                        domains.refresh();
                        return ui.scheduler().every(DomainsViewModel.REFRESH, domains::refresh);
                    }));
            case DOMAINS -> watching(ctx, Views.load("domains/DomainsPane.fxml", new DomainsPaneController(domains, i18n), i18n),
                    List.of(domains::activate));
            case FINISH -> simple(Views.load("setup/FinishStep.fxml", new FinishController(vm, i18n), i18n));
        });
        vm.setOnFinished(() -> ctx.navigate(SectionId.OVERVIEW));
        root = Views.load("setup/SetupView.fxml", controller, i18n);
    }

    private static Page simple(Parent root) {
        return () -> root;
    }

    /** A step that keeps the overview fresh while shown, plus its own repeating work. */
    private static Page watching(AppContext ctx, Parent root, List<Supplier<Scheduler.Cancellable>> more) {
        List<Supplier<Scheduler.Cancellable>> all = new ArrayList<>(more);
        all.add(ctx.overview()::watch);
        return new LivePage(root, ctx.connection().connectionProperty(), all);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        controller.shown();
    }

    @Override
    public void hidden() {
        controller.hidden();
    }

    public SetupViewModel viewModel() {
        return vm;
    }

    /** A connection (the console's start, or a later one): the service's state read, the service's place noted. */
    private static void connected(AppContext ctx, DomainsViewModel domains, ChecklistViewModel checklist,
            ServiceConnection c) {
        if (c == null) {
            return;
        }
        ctx.overview().refresh();
        domains.refresh();
        if (c.mode() == ConsoleSettings.Mode.EMBEDDED) {
            checklist.embeddedAt(c.location());
        }
    }
}
