package app.scimconsole.cli;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.service.HistoryRetention;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scim history retention [DAYS]}: how long the attribute history is kept. */
@Command(name = "history", description = "The attribute history: what each write changed, old and new values.",
        subcommands = HistoryCommand.Retention.class)
final class HistoryCommand extends CommandGroup {

    @Command(name = "retention", description = "Show how many days attribute history is kept, or set it with DAYS ("
            + HistoryRetention.MIN_DAYS + " to " + HistoryRetention.MAX_DAYS + "; default "
            + HistoryRetention.DEFAULT_DAYS + "). Older history is deleted by the running service within an hour.")
    static final class Retention implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DAYS",
                description = "Keep history this many days (" + HistoryRetention.MIN_DAYS + " to "
                        + HistoryRetention.MAX_DAYS + "); without it, the current setting is shown.")
        Integer days;

        @Override
        public Integer call() throws Exception {
            int kept;
            try (SqlDirectory dir = common.openDirectory()) {
                HistoryRetention retention = new HistoryRetention(dir, Clock.systemUTC());
                if (days == null) {
                    kept = dir.defaultTenant().map(t -> retention.days(t.id())).orElse(HistoryRetention.DEFAULT_DAYS);
                } else {
                    String tenantId = dir.defaultTenantOrCreate().id();
                    retention.setDays(tenantId, days);
                    kept = retention.days(tenantId);
                }
            }
            new Output(System.out, common.json).print(Output.object().put("retentionDays", kept),
                    Texts.text(days == null ? "history.retention.shown" : "history.retention.set", kept));
            return 0;
        }
    }
}
