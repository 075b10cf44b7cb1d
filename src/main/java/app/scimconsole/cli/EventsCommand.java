package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.service.EventReaders;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code events issue-reader | list-readers | revoke-reader}: read-only credentials of the directory event feed. */
@Command(name = "events", description = "Read-only credentials for apps that read the directory event feed.",
        subcommands = {EventsCommand.Issue.class, EventsCommand.List_.class, EventsCommand.Revoke.class})
final class EventsCommand extends CommandGroup {

    @Command(name = "issue-reader", description = "Issue a read-only credential of the event feed (shown once).")
    static final class Issue implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--label", paramLabel = "TEXT", description = "Which app reads with it, for your own records.")
        String label;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                String tenantId = dir.defaultTenantOrCreate().id();
                EventReaders.Issued issued = new EventReaders(dir).issue(tenantId, label);
                String url = SavedServiceConfig.load(common.dataFolder()).eventsUrl(tenantId);
                new Output(System.out, common.json).print(Output.object().put("eventsUrl", url)
                                .put("readerCredential", issued.credential()).put("id", issued.id()),
                        Texts.text("events.reader.issued", url, issued.credential(), issued.id()));
            }
            return 0;
        }
    }

    @Command(name = "list-readers", description = "The event feed's reader credentials (never the credentials).")
    static final class List_ implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                List<Directory.EventReader> readers = dir.defaultTenant()
                        .map(t -> new EventReaders(dir).list(t.id())).orElse(List.of());
                ObjectNode o = Output.object();
                ArrayNode arr = o.putArray("readers");
                StringBuilder text = new StringBuilder(readers.isEmpty() ? Texts.text("events.reader.list.empty") : "");
                for (Directory.EventReader r : readers) {
                    String lastUsed = r.lastUsed() == null ? null : OAuthClientCommand.iso(r.lastUsed());
                    arr.addObject().put("id", r.id()).put("label", r.label())
                            .put("createdAt", OAuthClientCommand.iso(r.created())).put("lastUsedAt", lastUsed);
                    text.append(text.length() == 0 ? "" : "\n").append(Texts.text("events.reader.list.row", r.id(),
                            r.label() == null ? "" : r.label(), OAuthClientCommand.iso(r.created()),
                            lastUsed == null ? Texts.text("credential.neverUsed") : lastUsed));
                }
                new Output(System.out, common.json).print(o, text.toString());
            }
            return 0;
        }
    }

    @Command(name = "revoke-reader", description = "Revoke a reader credential: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The reader, as 'events list-readers' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                boolean revoked = dir.defaultTenant().map(t -> new EventReaders(dir).revoke(t.id(), id)).orElse(false);
                if (!revoked) {
                    throw new IllegalArgumentException(Texts.text("events.reader.revoke.unknown", id));
                }
                new Output(System.out, common.json).print(Output.object().put("revoked", true),
                        Texts.text("events.reader.revoke.done", id));
            }
            return 0;
        }
    }
}
