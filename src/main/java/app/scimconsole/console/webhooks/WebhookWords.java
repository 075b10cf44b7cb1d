package app.scimconsole.console.webhooks;

import app.scimconsole.admin.AdminApi.WebhookEntry;
import app.scimconsole.console.common.UiKit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint's health in the owner's words: the state with since when it fails, and the last failure the delivery
 * recorded ("HTTP 503", "SocketTimeoutException: …", "address refused: 10.0.0.7") as a sentence that says what
 * happened at the receiver's end.
 */
final class WebhookWords {
    private static final Pattern HTTP = Pattern.compile("HTTP (\\d{3})");
    private static final String REFUSED = "address refused: ";

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
    String problem(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return "";
        }
        Matcher http = HTTP.matcher(recorded);
        if (http.matches()) {
            int status = Integer.parseInt(http.group(1));
            return ui.text(status >= 500 ? "webhooks.problem.serverError" : status >= 300 && status < 400
                    ? "webhooks.problem.redirect" : "webhooks.problem.refused", status);
        }
        if (recorded.startsWith(REFUSED)) {
            return ui.text("webhooks.problem.addressRefused", recorded.substring(REFUSED.length()));
        }
        if (recorded.contains("Timeout")) {
            return ui.text("webhooks.problem.timeout");
        }
        if (recorded.startsWith("ConnectException") || recorded.startsWith("UnknownHostException")
                || recorded.startsWith("NoRouteToHostException")) {
            return ui.text("webhooks.problem.unreachable", recorded);
        }
        return ui.text("webhooks.problem.other", recorded);
    }
}
