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

        @Override
        public Integer call() throws Exception {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("--limit must be between 1 and 100000.");
            }
            var result = Output.object();
            ArrayNode entries = result.putArray("activity");
            StringBuilder text = new StringBuilder();
            try (SqlDirectory dir = common.openDirectory()) {
                List<Directory.Activity> log = dir.defaultTenant()
                        .map(t -> dir.activity(t.id(), limit)).orElse(List.of());
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
                }
            }
            new Output(System.out, common.json).print(result,
                    entries.isEmpty() ? "The provisioning log is empty." : text.toString().stripTrailing());
            return 0;
        }
    }
}
