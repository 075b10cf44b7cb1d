package app.scimconsole.cli;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.service.WebhookAddress;
import app.scimconsole.service.Webhooks;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webhook add | list | remove | replay | rotate-secret}: endpoints that receive the directory events, signed. */
@Command(name = "webhook", description = "Endpoints that receive the directory events as signed HTTPS POSTs.",
        subcommands = {WebhookCommand.Add.class, WebhookCommand.ListEndpoints.class, WebhookCommand.Remove.class,
                WebhookCommand.Replay.class, WebhookCommand.RotateSecret.class})
final class WebhookCommand extends CommandGroup {

    @Command(name = "add", description = "Add an endpoint; it receives the events committed from now on. Its signing"
            + " secret is shown once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "URL", description = "An https:// address that resolves to a public IP address"
                + " (loopback http:// only with SCIM_CONSOLE_DEV_LOOPBACK_HTTP=1, for tests and development).")
        String url;

        @Option(names = "--events", paramLabel = "TYPES", split = ",",
                description = "Only these event types, comma-separated (e.g. user.created,user.deleted); default all.")
        List<String> events;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                String tenantId = dir.defaultTenantOrCreate().id();
                Webhooks.Added added = webhooks(dir).add(tenantId, url, events);
                new Output(System.out, common.json).print(Output.object().put("id", added.id())
                        .put("secret", added.secret()), Texts.text("webhook.added", added.id(), added.secret()));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "The endpoints with their health: last success, failing since, backlog.")
    static final class ListEndpoints implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                List<Webhooks.Health> endpoints = dir.defaultTenant().map(t -> webhooks(dir).list(t.id()))
                        .orElse(List.of());
                ObjectNode o = Output.object();
                ArrayNode arr = o.putArray("webhooks");
                StringBuilder text = new StringBuilder(endpoints.isEmpty() ? Texts.text("webhook.list.empty") : "");
                for (Webhooks.Health h : endpoints) {
                    ObjectNode row = arr.addObject().put("id", h.id()).put("url", h.url())
                            .put("state", h.state().name()).put("createdAt", OAuthClientCommand.iso(h.created()))
                            .put("lastSuccessAt", OAuthClientCommand.iso(h.lastSuccess()))
                            .put("failingSince", OAuthClientCommand.iso(h.failingSince()))
                            .put("backlog", h.backlog()).put("lastError", h.lastError() == null ? null
                                    : Texts.reason(h.lastError().code(), h.lastError().args()));
                    if (h.lastError() != null) {
                        ObjectNode why = row.putObject("lastErrorReason").put("code", h.lastError().code());
                        h.lastError().args().forEach(why.putArray("args")::add);
                    }
                    h.eventTypes().forEach(row.putArray("events")::add);
                    text.append(text.length() == 0 ? "" : "\n").append(Texts.text("webhook.list.row", h.id(), h.url(),
                            h.eventTypes().isEmpty() ? Texts.text("webhook.list.allEvents") : String.join(",",
                                    h.eventTypes()), h.state().name(), h.lastSuccess() == null ? Texts.text("webhook.list.never")
                                    : OAuthClientCommand.iso(h.lastSuccess()),
                            h.failingSince() == null ? "-" : OAuthClientCommand.iso(h.failingSince()), h.backlog()));
                }
                new Output(System.out, common.json).print(o, text.toString());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an endpoint: nothing more is delivered to it.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The endpoint, as 'webhook list' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                boolean removed = dir.defaultTenant().map(t -> webhooks(dir).remove(t.id(), id)).orElse(false);
                if (!removed) {
                    throw unknown(id);
                }
                new Output(System.out, common.json).print(Output.object().put("removed", true),
                        Texts.text("webhook.remove.done", id));
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Set an endpoint's position in the event feed: its next deliveries are"
            + " the events after CURSOR (back to send them again, forward to skip).")
    static final class Replay implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The endpoint, as 'webhook list' shows it.")
        String id;

        @Option(names = "--after", paramLabel = "CURSOR", required = true, description = "An event id, as the pull"
                + " feed and the deliveries give it ('id', or a page's 'next'); 0: from the oldest event kept.")
        String after;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                Webhooks.Replayed r = dir.defaultTenant().flatMap(t -> webhooks(dir).replay(t.id(), id, after))
                        .orElseThrow(() -> unknown(id));
                new Output(System.out, common.json).print(Output.object().put("id", r.id())
                        .put("after", Long.toString(r.after())).put("oldestKept", Long.toString(r.oldestKept()))
                        .put("eventsLost", r.eventsLost()).put("backlog", r.backlog()),
                        Texts.text(r.eventsLost() ? "webhook.replay.lost" : "webhook.replay.done", r.id(),
                                Long.toString(r.after()), r.backlog(), Long.toString(r.oldestKept())));
            }
            return 0;
        }
    }

    @Command(name = "rotate-secret", description = "Give an endpoint a new signing secret, shown once; for 24 hours"
            + " every delivery is signed with both the new and the old one, then with the new one only.")
    static final class RotateSecret implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The endpoint, as 'webhook list' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                Webhooks.Rotated r = dir.defaultTenant().flatMap(t -> webhooks(dir).rotateSecret(t.id(), id))
                        .orElseThrow(() -> unknown(id));
                new Output(System.out, common.json).print(Output.object().put("id", r.id()).put("secret", r.secret())
                        .put("previousSecretValidUntil", OAuthClientCommand.iso(r.previousValidUntil())),
                        Texts.text("webhook.rotated", r.id(), r.secret(),
                                OAuthClientCommand.iso(r.previousValidUntil())));
            }
            return 0;
        }
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException(Texts.text("webhook.remove.unknown", id));
    }

    private static Webhooks webhooks(SqlDirectory dir) {
        return new Webhooks(dir.webhooks(), WebhookAddress.fromEnvironment(), Clock.systemUTC());
    }
}
