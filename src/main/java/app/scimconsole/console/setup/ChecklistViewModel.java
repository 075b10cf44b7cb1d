package app.scimconsole.console.setup;

import app.scimconsole.console.context.SettingsStore;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Step 1: what the owner needs before starting, as ticks that are remembered across restarts. */
public final class ChecklistViewModel {
    /** Checklist item ids, stored in the settings. */
    public static final String ROLE = "before.role";
    public static final String OWNER = "before.owner";
    public static final String DNS = "before.dns";

    private final BooleanProperty role = new SimpleBooleanProperty();
    private final BooleanProperty owner = new SimpleBooleanProperty();
    private final BooleanProperty dns = new SimpleBooleanProperty();
    private final BooleanBinding complete;

    public ChecklistViewModel(SettingsStore settings) {
        List<BooleanProperty> all = new ArrayList<>();
        bind(settings, role, ROLE, all);
        bind(settings, owner, OWNER, all);
        bind(settings, dns, DNS, all);
        complete = Bindings.createBooleanBinding(() -> role.get() && owner.get() && dns.get(), role, owner, dns);
    }

    private static void bind(SettingsStore settings, BooleanProperty p, String id, List<BooleanProperty> all) {
        p.set(settings.current().wizard().checked().contains(id));
        p.addListener((o, was, on) -> settings.update(s -> s.withWizard(s.wizard().withChecked(id, on))));
        all.add(p);
    }

    public BooleanProperty roleProperty() {
        return role;
    }

    public BooleanProperty ownerProperty() {
        return owner;
    }

    public BooleanProperty dnsProperty() {
        return dns;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
