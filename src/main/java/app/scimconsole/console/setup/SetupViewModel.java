package app.scimconsole.console.setup;

import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.console.domains.DomainsViewModel;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup wizard: which step is shown (remembered across restarts), which steps are done, and the step view
 * models. Every step can be visited at any time; "done" is read from the service where it can be (SCIM enabled,
 * Entra's first request, a verified domain) and from the owner's own ticks where it cannot.
 */
public final class SetupViewModel {
    /** The owner's tick in step 3: "I saved the credentials and checked the mappings in Entra". */
    public static final String ENTRA_DONE = "entra.saved";

    private final ObjectProperty<StepId> current = new SimpleObjectProperty<>(StepId.BEFORE);
    private final BooleanProperty entraDone = new SimpleBooleanProperty();
    private final Map<StepId, BooleanBinding> done = new EnumMap<>(StepId.class);
    private final Map<StepId, StringBinding> state = new EnumMap<>(StepId.class);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final ObservableList<StepId> openSteps = FXCollections.observableArrayList();
    private final BooleanBinding allDone;
    private Runnable onFinished = () -> { };

    private final ChecklistViewModel checklist;
    private final EnableScimViewModel enable;
    private final MappingsViewModel mappings;
    private final FirstRequestViewModel firstRequest;
    private final DomainsViewModel domains;

    public SetupViewModel(UiKit ui, SettingsStore settings, ChecklistViewModel checklist,
            EnableScimViewModel enable, MappingsViewModel mappings, FirstRequestViewModel firstRequest,
            DomainsViewModel domains) {
        this.checklist = checklist;
        this.enable = enable;
        this.mappings = mappings;
        this.firstRequest = firstRequest;
        this.domains = domains;

        // People Entra sent and this service refused, for a domain not registered yet: offered in the domains step.
        firstRequest.refusedDomains().addListener((javafx.collections.ListChangeListener<String>) c ->
                domains.setRefused(firstRequest.refusedDomains()));
        domains.setRefused(firstRequest.refusedDomains());

        String saved = settings.current().wizard().step();
        for (StepId s : StepId.values()) {
            if (s.name().equals(saved)) {
                current.set(s);
            }
        }
        current.addListener((o, was, now) -> settings.update(st -> st.withWizard(st.wizard().withStep(now.name()))));

        entraDone.set(settings.current().wizard().checked().contains(ENTRA_DONE));
        entraDone.addListener((o, was, on) -> settings.update(st -> st.withWizard(st.wizard().withChecked(ENTRA_DONE, on))));

        done.put(StepId.BEFORE, checklist.completeProperty());
        done.put(StepId.ENABLE, Bindings.createBooleanBinding(() -> enable.enabledProperty().get(), enable.enabledProperty()));
        done.put(StepId.ENTRA, Bindings.createBooleanBinding(() -> entraDone.get()
                || mappings.summaryProperty().get() == MappingsViewModel.Summary.ALL_MAPPED, entraDone, mappings.summaryProperty()));
        // Entra called, and refused no one for an unverified domain: a cycle that was refused is not done.
        done.put(StepId.PROVISIONING, Bindings.createBooleanBinding(() -> firstRequest.arrivedProperty().get()
                && firstRequest.refusedDomains().isEmpty(), firstRequest.arrivedProperty(), firstRequest.refusedDomains()));
        done.put(StepId.DOMAINS, domains.anyVerifiedProperty());

        state.put(StepId.BEFORE, text(ui, StepId.BEFORE, "step.state.notDone"));
        // What is read from the service is "not read yet" until it was: never "to do" or "waiting" on no evidence.
        state.put(StepId.ENABLE, read(ui, StepId.ENABLE, "step.state.notDone", enable.knownProperty()));
        state.put(StepId.ENTRA, Bindings.createStringBinding(() -> done.get(StepId.ENTRA).get() ? ui.text("step.state.done")
                : !firstRequest.knownProperty().get() ? ui.text("step.state.unknown")
                : mappings.summaryProperty().get() == MappingsViewModel.Summary.SOME_MISSING ? ui.text("step.state.check")
                : ui.text("step.state.notDone"), done.get(StepId.ENTRA), mappings.summaryProperty(),
                firstRequest.knownProperty()));
        state.put(StepId.PROVISIONING, Bindings.createStringBinding(() -> ui.text(!firstRequest.refusedDomains().isEmpty()
                ? "step.state.refused" : done.get(StepId.PROVISIONING).get() ? "step.state.done"
                : firstRequest.appOffProperty().get() ? "step.state.appOff"
                : firstRequest.knownProperty().get() ? "step.state.waiting" : "step.state.unknown"),
                done.get(StepId.PROVISIONING), firstRequest.knownProperty(), firstRequest.appOffProperty(),
                firstRequest.refusedDomains()));
        state.put(StepId.DOMAINS, Bindings.createStringBinding(() -> {
            long verified = domains.domains().stream().filter(d -> d.indicatorProperty().get()
                    == app.scimconsole.console.domains.Indicator.VERIFIED).count();
            if (!domains.loadedProperty().get()) {
                return ui.text("step.state.unknown");
            }
            if (domains.domains().isEmpty()) {
                return ui.text("step.state.notDone");
            }
            return ui.text("step.state.verified", verified, domains.domains().size());
        }, domains.domains(), domains.anyVerifiedProperty(), domains.loadedProperty()));

        // The end: set up only when every step is done, else which steps are still open.
        for (StepId s : StepId.STEPS) {
            done.get(s).addListener(o -> openSteps.setAll(StepId.STEPS.stream().filter(x -> !done.get(x).get()).toList()));
        }
        openSteps.setAll(StepId.STEPS.stream().filter(x -> !done.get(x).get()).toList());
        allDone = Bindings.isEmpty(openSteps);
        done.put(StepId.FINISH, allDone);
        state.put(StepId.FINISH, Bindings.createStringBinding(() -> allDone.get() ? ui.text("step.state.allDone")
                : ui.text("step.state.stepsDone", StepId.STEPS.size() - openSteps.size(), StepId.STEPS.size()), openSteps));

        canGoBack = current.isNotEqualTo(StepId.BEFORE);
        canGoNext = Bindings.createBooleanBinding(() -> true); // on the end, Next leads to the Overview
    }

    private StringBinding read(UiKit ui, StepId step, String notDoneKey, ObservableBooleanValue known) {
        return Bindings.createStringBinding(() -> ui.text(done.get(step).get() ? "step.state.done"
                : known.get() ? notDoneKey : "step.state.unknown"), done.get(step), known);
    }

    private StringBinding text(UiKit ui, StepId step, String notDoneKey) {
        return Bindings.createStringBinding(() -> ui.text(done.get(step).get() ? "step.state.done" : notDoneKey),
                done.get(step));
    }

    public void next() {
        if (current.get() == StepId.FINISH) {
            onFinished.run();
        } else {
            current.set(StepId.values()[current.get().ordinal() + 1]);
        }
    }

    /** What Next does on the wizard's end (the page shows the Overview). */
    public void setOnFinished(Runnable action) {
        this.onFinished = action;
    }

    /** The steps not done yet, in order; empty when the owner is set up. */
    public ObservableList<StepId> openSteps() {
        return openSteps;
    }

    /** True when every step is done. */
    public BooleanBinding allDoneProperty() {
        return allDone;
    }

    public void back() {
        if (canGoBack.get()) {
            current.set(StepId.values()[current.get().ordinal() - 1]);
        }
    }

    public void go(StepId step) {
        current.set(step);
    }

    public ObjectProperty<StepId> currentProperty() {
        return current;
    }

    public ObservableBooleanValue doneProperty(StepId step) {
        return done.get(step);
    }

    public StringBinding stateProperty(StepId step) {
        return state.get(step);
    }

    public BooleanProperty entraDoneProperty() {
        return entraDone;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    public EnableScimViewModel enable() {
        return enable;
    }

    public MappingsViewModel mappings() {
        return mappings;
    }

    public FirstRequestViewModel firstRequest() {
        return firstRequest;
    }

    public DomainsViewModel domains() {
        return domains;
    }
}
