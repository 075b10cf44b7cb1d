package app.scimconsole.console.webhooks;

import app.scimconsole.admin.AdminApi.WebhookEntry;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.common.UiKit;

/**
 * An endpoint's health in the owner's words: the state with since when it fails, and the last failure the delivery
 * recorded (a reason: its code and arguments) as a sentence that says what happened at the receiver's end.
 */
final class WebhookWords {
    private final UiKit ui;

    WebhookWords(UiKit ui) {
        this.ui = ui;
    }

    WebhookRow row(WebhookEntry e) {
        String style = switch (e.state()) {
            case "FAILING" -> "failing";
            case "RETRYING" -> "retrying";
            default -> "healthy";
        };
        String state = switch (style) {
            case "failing" -> ui.text("webhooks.state.failing", ui.texts().time(e.failingSince()));
            case "retrying" -> ui.text("webhooks.state.retrying", ui.texts().time(e.failingSince()));
            default -> ui.text("webhooks.state.healthy");
        };
        String events = e.events().isEmpty() ? ui.text("webhooks.events.all") : String.join(", ", e.events());
        String lastSuccess = e.lastSuccessAt() == null ? ui.text("webhooks.never") : ui.texts().time(e.lastSuccessAt());
        String backlog = ui.text("webhooks.backlog.count", e.backlog());
        return new WebhookRow(e.id(), e.url(), events, state, style, lastSuccess, backlog,
                e.failingSince() == null ? "" : problem(e.lastError()),
                ui.text("webhooks.details", events, lastSuccess, backlog));
    }

    /** The delivery's last failure as a sentence. */
    String problem(Reason failure) {
        return failure == null ? "" : ui.text("webhooks.problem", ui.reasons().text(failure));
    }
}
