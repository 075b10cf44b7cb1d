package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code activity list}: the provisioning log, newest first. */
@Command(name = "activity", description = "Show the provisioning log.", subcommands = ActivityCommand.ListActivity.class)
final class ActivityCommand extends CommandGroup {

    @Command(name = "list", description = "List the provisioning log, newest first.")
    static final class ListActivity implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N entries (default 100).")
        int limit;

        @Option(names = "--user", paramLabel = "ID", description = "Only this user's (or group's) entries, each with"
                + " what it changed: the attribute history.")
        String user;

        @Override
        public Integer call() throws Exception {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("--limit must be between 1 and 100000.");
            }
            if (user != null && user.isBlank()) {
                throw new IllegalArgumentException(Texts.text("activity.user.blank"));
            }
            var result = Output.object();
            ArrayNode entries = result.putArray("activity");
            StringBuilder text = new StringBuilder();
            try (SqlDirectory dir = common.openDirectory()) {
                List<Directory.Activity> log = dir.defaultTenant()
                        .map(t -> user == null ? dir.activity(t.id(), limit) : dir.activityOf(t.id(), user.strip(), limit))
                        .orElse(List.of());
                for (Directory.Activity a : log) {
                    String detail = a.code() == null ? a.detail() : Texts.reason(a.code(), a.args());
                    ObjectNode entry = entries.addObject().put("time", a.time().toString())
                            .put("operation", a.operation()).put("resource", a.resource()).put("userName", a.userName())
                            .put("outcome", a.outcome()).put("code", a.code()).put("detail", detail)
                            .put("clientAddress", a.clientAddress());
                    a.args().forEach(entry.putArray("args")::add);
                    text.append(String.format("%s  %-8s %-6s %-9s %-15s %s  %s%n", a.time(), a.operation(),
                            a.resource(), a.outcome(), a.clientAddress() == null ? "-" : a.clientAddress(),
                            a.userName() == null ? "" : a.userName(), detail == null ? "" : detail));
                    if (user != null) {
                        history(a.history(), entry, text);
                    }
                }
            }
            String empty = user == null ? "The provisioning log is empty." : Texts.text("activity.user.empty", user);
            new Output(System.out, common.json).print(result,
                    entries.isEmpty() ? empty : text.toString().stripTrailing());
            return 0;
        }

        /**
         * An entry's attribute history: {@code requestId} and {@code changes} (empty: the request changed nothing);
         * both absent when none is kept (a refusal, or history past its retention).
         */
        private static void history(Directory.History h, ObjectNode entry, StringBuilder text) {
            if (h == null) {
                return;
            }
            entry.put("requestId", h.requestId());
            ArrayNode changes = entry.putArray("changes");
            for (Directory.Change c : h.changes()) {
                changes.addObject().put("attribute", c.attribute()).put("old", c.before()).put("new", c.after());
                String key = c.before() == null ? "activity.change.added" : c.after() == null
                        ? "activity.change.removed" : "activity.change.changed";
                text.append(Texts.text(key, c.attribute(), c.before(), c.after())).append('\n');
            }
            if (h.changes().isEmpty()) {
                text.append(Texts.text("activity.change.none")).append('\n');
            }
            if (h.requestId() != null) {
                text.append(Texts.text("activity.change.request", h.requestId())).append('\n');
            }
        }
    }
}
