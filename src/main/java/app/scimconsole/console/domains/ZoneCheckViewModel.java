package app.scimconsole.console.domains;

import app.scimconsole.console.common.Problems.PlainException;
import app.scimconsole.console.common.ReasonTexts;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.ZoneFileCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The offline check: would this zone file (or pasted records, or a pasted {@code dig} answer) verify the domain?
 * Nothing is asked of DNS and nothing is stored; it shows what a live check would say once the data is published.
 */
public final class ZoneCheckViewModel {
    private final UiKit ui;
    private final ObservableList<DomainViewModel> domains;
    private final ObjectProperty<DomainViewModel> domain = new SimpleObjectProperty<>();
    private final StringProperty zoneText = new SimpleStringProperty("");
    private final ObjectProperty<VerificationResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Indicator> indicator = new SimpleObjectProperty<>(Indicator.UNKNOWN);
    private final StringProperty resultText = new SimpleStringProperty("");
    private final BooleanBinding canCheck;

    ZoneCheckViewModel(UiKit ui, ObservableList<DomainViewModel> domains) {
        this.ui = ui;
        this.domains = domains;
        domains.addListener((javafx.collections.ListChangeListener<DomainViewModel>) c -> {
            if (domain.get() == null || !domains.contains(domain.get())) {
                DomainViewModel same = domain.get() == null ? null : named(domain.get().domain());
                domain.set(same != null ? same : domains.isEmpty() ? null : domains.get(0));
            }
        });
        domain.addListener((o, was, now) -> {
            // A chooser bound to a list rebuilt around its choice drops the choice although the domain is still
            // there (perhaps as a new row of the same name); the owner chose it, so it stays chosen.
            DomainViewModel same = now == null && was != null ? named(was.domain()) : null;
            if (same != null) {
                domain.set(same);
            }
        });
        canCheck = Bindings.createBooleanBinding(() -> domain.get() != null && !zoneText.get().isBlank(), domain, zoneText);
    }

    /** The listed domain of this name, or null. */
    private DomainViewModel named(String name) {
        return domains.stream().filter(d -> d.domain().equals(name)).findFirst().orElse(null);
    }

    public void check() {
        DomainViewModel d = domain.get();
        String text = zoneText.get();
        if (d == null || text.isBlank()) {
            return;
        }
        Tasks.create(() -> new ZoneFileCheck(ui.clock()).check(d.challenge(), text))
                .describedAs(ui.text("zone.checking")).onSuccess(r -> {
                    result.set(r);
                    Indicator i = Indicator.of(r.status().name());
                    indicator.set(i);
                    ReasonTexts reasons = ui.reasons();
                    StringBuilder out = new StringBuilder(reasons.text(r.summary()));
                    r.diagnoses().forEach(x -> out.append("\n• ").append(reasons.text(x.problem())).append("\n   ")
                            .append(ui.text("domain.fix")).append(' ').append(reasons.text(x.fix())));
                    resultText.set(out.toString());
                }).onError(m -> {
                    result.set(null);
                    indicator.set(Indicator.ERROR);
                    resultText.set(m);
                }).runOnce(ui.tasks());
    }

    /** Reads a zone file into the text (in the background; at most the size the check accepts). */
    public void load(Path file) {
        Tasks.create(() -> {
            try {
                if (Files.size(file) > ZoneFileCheck.MAX_BYTES) {
                    throw new PlainException(ui.text("zone.tooLarge", file.getFileName()));
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PlainException(ui.text("zone.unreadable", file.getFileName()));
            }
        }).describedAs(ui.text("zone.reading", file.getFileName())).onSuccess(zoneText::set).runOnce(ui.tasks());
    }

    public ObservableList<DomainViewModel> domains() {
        return domains;
    }

    public ObjectProperty<DomainViewModel> domainProperty() {
        return domain;
    }

    public StringProperty zoneTextProperty() {
        return zoneText;
    }

    public ReadOnlyObjectProperty<VerificationResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<Indicator> indicatorProperty() {
        return indicator;
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }
}
