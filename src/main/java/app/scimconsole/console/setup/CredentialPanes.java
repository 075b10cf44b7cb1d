package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.context.OverviewModel;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/** What step 2's credential panes (OAuth client, federation trust) share beyond the issued fields. */
final class CredentialPanes {
    private CredentialPanes() {
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
}
