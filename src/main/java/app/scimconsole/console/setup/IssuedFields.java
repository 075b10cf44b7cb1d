package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/** What step 2's credential panes share: test fields that follow what was issued, and copying a value for Entra. */
final class IssuedFields {
    private IssuedFields() {
    }

    /** A test field starts as what was issued, and follows it until the owner types something else into it. */
    static void follow(StringProperty issued, StringProperty test) {
        issued.addListener((o, was, now) -> {
            if (test.get().isEmpty() || test.get().equals(was)) {
                test.set(now);
            }
        });
    }

    /**
     * Keeps a pane in step with the service: {@code apply} gets the overview read last (when there is one) and each
     * one read after it; the Token Endpoint field shows the overview's.
     */
    static void followOverview(OverviewModel overview, StringProperty tokenEndpoint, Consumer<Overview> apply) {
        Consumer<Overview> both = o -> {
            if (o != null) {
                tokenEndpoint.set(o.tokenEndpoint() == null ? "" : o.tokenEndpoint());
                apply.accept(o);
            }
        };
        overview.overviewProperty().addListener((o, was, now) -> both.accept(now));
        both.accept(overview.get());
    }

    /** Copies the value (when there is one) and says into which Entra field it goes. */
    static void copy(UiKit ui, String value, String saidKey) {
        if (!value.isEmpty()) {
            ui.clipboard().copy(value);
            ui.status().success(ui.text(saidKey));
        }
    }
}
