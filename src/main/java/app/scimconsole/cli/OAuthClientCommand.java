package app.scimconsole.cli;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.service.OAuthClients;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scim oauth-client add | list | remove | rotate-secret | token-lifetime}: the client credentials grant. */
@Command(name = "oauth-client", description = "Manage the OAuth 2.0 clients Entra uses (client credentials grant).",
        subcommands = {OAuthClientCommand.Add.class, OAuthClientCommand.ListClients.class,
                OAuthClientCommand.Remove.class, OAuthClientCommand.RotateSecret.class,
                OAuthClientCommand.TokenLifetime.class})
final class OAuthClientCommand extends CommandGroup {

    /** The expiry option of a new client secret. */
    static final class Expiry {
        @Option(names = "--expires-days", paramLabel = "N", defaultValue = "365",
                description = "Days until the client secret expires: 365 to 1095 (1 to 3 years; default 365).")
        int days;
    }

    @Command(name = "add", description = "Add an OAuth client with a client secret (shown once).")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Mixin
        Expiry expiry;

        @Override
        public Integer call() throws Exception {
            ServiceConfig config = SavedServiceConfig.load(common.dataFolder());
            try (SqlDirectory dir = common.openDirectory()) {
                OAuthClients.NewSecret s = clients(dir).add(expiry.days);
                printSecret(common, config, s, "oauthClient.added");
            }
            return 0;
        }
    }

    @Command(name = "rotate-secret", description = "Issue a new client secret for a client (shown once); the "
            + "previous one keeps working until its expiry, any older one stops now.")
    static final class RotateSecret implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Mixin
        Expiry expiry;
        @Parameters(paramLabel = "CLIENT_ID", description = "The client, as 'scim oauth-client list' shows it.")
        String clientId;

        @Override
        public Integer call() throws Exception {
            ServiceConfig config = SavedServiceConfig.load(common.dataFolder());
            try (SqlDirectory dir = common.openDirectory()) {
                OAuthClients.NewSecret s = clients(dir).rotate(clientId, expiry.days);
                printSecret(common, config, s, "oauthClient.rotated");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "The OAuth clients, with their secrets' expiry and last use.")
    static final class ListClients implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                List<OAuthClients.Listed> clients = clients(dir).list();
                ObjectNode o = Output.object();
                ArrayNode arr = o.putArray("clients");
                StringBuilder text = new StringBuilder(clients.isEmpty() ? Texts.text("oauthClient.list.empty") : "");
                for (OAuthClients.Listed c : clients) {
                    ObjectNode row = arr.addObject().put("clientId", c.clientId()).put("createdAt", iso(c.createdAt()))
                            .put("expiresAt", iso(c.expiresAt())).put("lastUsedAt", iso(c.lastUsedAt()))
                            .put("liveSecrets", c.liveSecrets());
                    text.append(text.length() == 0 ? "" : "\n").append(Texts.text("oauthClient.list.row", c.clientId(),
                            iso(c.createdAt()), iso(c.expiresAt()), used(c.lastUsedAt()), c.liveSecrets()));
                    ArrayNode secrets = row.putArray("secrets");
                    for (OAuthClients.SecretInfo s : c.secrets()) {
                        secrets.addObject().put("id", s.id()).put("createdAt", iso(s.createdAt()))
                                .put("expiresAt", iso(s.expiresAt())).put("lastUsedAt", iso(s.lastUsedAt()));
                        text.append('\n').append(Texts.text("oauthClient.list.secret", iso(s.createdAt()),
                                iso(s.expiresAt()), used(s.lastUsedAt())));
                    }
                }
                new Output(System.out, common.json).print(o, text.toString());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an OAuth client: its secrets and access tokens stop working.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Parameters(paramLabel = "CLIENT_ID", description = "The client, as 'scim oauth-client list' shows it.")
        String clientId;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                printRemoved(common, clients(dir).remove(clientId), "oauthClient.remove", clientId);
            }
            return 0;
        }
    }

    @Command(name = "token-lifetime", description = "Set how long new access tokens live: 1 to 6 hours.")
    static final class TokenLifetime implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Parameters(paramLabel = "HOURS", description = "Hours, 1 to 6 (the default is 1).")
        int hours;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                clients(dir).setAccessTokenLifetime(Duration.ofHours(hours));
                new Output(System.out, common.json).print(Output.object().put("accessTokenHours", hours),
                        Texts.text("oauthClient.lifetime.done", hours));
            }
            return 0;
        }
    }

    /** {@code {"removed":true}} and the bundle's {@code <key>.done}, or the failure {@code <key>.unknown}. */
    static void printRemoved(CommonOptions common, boolean removed, String key, String id) {
        if (!removed) {
            throw new IllegalArgumentException(Texts.text(key + ".unknown", id));
        }
        new Output(System.out, common.json).print(Output.object().put("removed", true), Texts.text(key + ".done", id));
    }

    private static OAuthClients clients(SqlDirectory dir) {
        return new OAuthClients(dir, dir.oauth(), Clock.systemUTC());
    }

    private static void printSecret(CommonOptions common, ServiceConfig config, OAuthClients.NewSecret s, String key) {
        String endpoint = config.tokenEndpoint(s.tenantId());
        ObjectNode o = Output.object().put("tenantUrl", config.tenantUrl(s.tenantId())).put("tokenEndpoint", endpoint)
                .put("clientId", s.clientId()).put("clientSecret", s.clientSecret()).put("expiresAt", iso(s.expiresAt()));
        new Output(System.out, common.json).print(o, Texts.text(key, config.tenantUrl(s.tenantId()), endpoint,
                s.clientId(), s.clientSecret(), iso(s.expiresAt())));
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    static String used(Instant t) {
        return t == null ? Texts.text("credential.neverUsed") : t.toString();
    }
}
