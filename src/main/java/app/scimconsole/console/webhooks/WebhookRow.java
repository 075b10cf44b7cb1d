package app.scimconsole.console.webhooks;

/**
 * One endpoint as the Webhooks view shows it, every field already in words: where it is, what it gets, its state
 * ({@code stateStyle}: healthy, retrying or failing, for its colour), its last success, the events waiting, the
 * last problem, and the middle three as one line ({@code details}).
 */
public record WebhookRow(String id, String url, String events, String state, String stateStyle, String lastSuccess,
        String backlog, String lastProblem, String details) {
}
