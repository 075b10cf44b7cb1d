package app.scimconsole.cli;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.service.FederationTrusts;
import app.scimconsole.service.KeySetAddress;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scim federation add | list | remove}: workload identity federation trusts (no secret at all). */
@Command(name = "federation", description = "Manage the workload identity federation trusts Entra uses "
        + "(a JWT signed by your Entra tenant instead of a secret).",
        subcommands = {FederationCommand.Add.class, FederationCommand.ListTrusts.class, FederationCommand.Remove.class})
final class FederationCommand extends CommandGroup {

    @Command(name = "add", description = "Trust assertions signed by an Entra tenant for one subject and audience.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--entra-tenant", required = true, paramLabel = "TID",
                description = "Your Entra tenant ID (a GUID: Entra admin center > Overview > Tenant ID).")
        String entraTenant;
        @Option(names = "--subject", required = true, paramLabel = "SUB",
                description = "The assertion's expected subject (sub).")
        String subject;
        @Option(names = "--audience", required = true, paramLabel = "AUD",
                description = "The assertion's expected audience (aud).")
        String audience;
        @Option(names = "--keys-url", paramLabel = "URL", description = "Where the signing keys are published "
                + "(https only; default Microsoft's keys of the Entra tenant). Loopback http only with "
                + KeySetAddress.DEV_LOOPBACK_HTTP + "=1 (tests and development).")
        String keysUrl;

        @Override
        public Integer call() throws Exception {
            ServiceConfig config = SavedServiceConfig.load(common.dataFolder());
            try (SqlDirectory dir = common.openDirectory()) {
                FederationTrusts.Added t = trusts(dir).add(entraTenant, subject, audience, keysUrl);
                String endpoint = config.tokenEndpoint(t.tenantId());
                String tenantUrl = config.tenantUrl(t.tenantId());
                ObjectNode o = Output.object().put("tenantUrl", tenantUrl).put("tokenEndpoint", endpoint)
                        .put("clientId", t.clientId()).put("keysUrl", t.keysUrl());
                new Output(System.out, common.json).print(o, Texts.text("federation.added", tenantUrl, endpoint,
                        t.clientId(), t.keysUrl()));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "The federation trusts, with what they expect and their last use.")
    static final class ListTrusts implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                List<FederationTrusts.Listed> trusts = trusts(dir).list();
                ObjectNode o = Output.object();
                ArrayNode arr = o.putArray("trusts");
                StringBuilder text = new StringBuilder(trusts.isEmpty() ? Texts.text("federation.list.empty") : "");
                for (FederationTrusts.Listed t : trusts) {
                    arr.addObject().put("clientId", t.clientId()).put("entraTenant", t.entraTenant())
                            .put("subject", t.subject()).put("audience", t.audience()).put("keysUrl", t.keysUrl())
                            .put("createdAt", OAuthClientCommand.iso(t.createdAt()))
                            .put("lastUsedAt", OAuthClientCommand.iso(t.lastUsedAt()));
                    text.append(text.length() == 0 ? "" : "\n").append(Texts.text("federation.list.row",
                            t.clientId(), t.entraTenant(), t.subject(), t.audience(), t.keysUrl(),
                            OAuthClientCommand.iso(t.createdAt()), OAuthClientCommand.used(t.lastUsedAt())));
                }
                new Output(System.out, common.json).print(o, text.toString());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a trust: its access tokens stop working at once.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Parameters(paramLabel = "CLIENT_ID", description = "The trust, as 'scim federation list' shows it.")
        String clientId;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                OAuthClientCommand.printRemoved(common, trusts(dir).remove(clientId), "federation.remove", clientId);
            }
            return 0;
        }
    }

    private static FederationTrusts trusts(SqlDirectory dir) {
        return new FederationTrusts(dir, dir.federation(), KeySetAddress.fromEnvironment(), Clock.systemUTC());
    }
}
