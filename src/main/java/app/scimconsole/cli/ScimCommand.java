package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scim enable | rotate-token | disable | tokens | oauth-client | federation | history}: the SCIM app, its
 * credentials, and how long what it changed is kept.
 */
@Command(name = "scim", description = "Enable or disable the SCIM app, manage its secret tokens, OAuth clients and "
        + "workload identity federation trusts, and set how long its attribute history is kept.",
        subcommands = {ScimCommand.Enable.class, ScimCommand.Rotate.class, ScimCommand.Disable.class,
                ScimCommand.Tokens.class, OAuthClientCommand.class, FederationCommand.class, HistoryCommand.class})
final class ScimCommand extends CommandGroup {

    private static final String SHOWN_ONCE = "This token is shown only now. Paste it into Entra "
            + "(Provisioning > Admin credentials > Secret Token) and keep no other copy.";

    @Command(name = "enable", description = "Enable the SCIM app (creating the organization if needed) and issue a secret token.")
    static final class Enable implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--public-url", paramLabel = "URL",
                description = "The HTTPS address Entra uses to reach this service (e.g. https://scim.example.com); "
                        + "remembered in the data folder for serve, as serve --public-url does.")
        String publicUrl;

        @Override
        public Integer call() throws Exception {
            ServiceConfig saved = SavedServiceConfig.load(common.dataFolder());
            ServiceConfig config = publicUrl == null ? saved : saved.withPublicUrl(PublicUrls.checked(publicUrl));
            if (config != saved) {
                SavedServiceConfig.save(common.dataFolder(), config);
            }
            try (SqlDirectory dir = common.openDirectory()) {
                TenantAdmin.Credentials c = new TenantAdmin(dir, Clock.systemUTC()).enable();
                String url = config.tenantUrl(c.tenantId());
                ObjectNode o = Output.object().put("tenantUrl", url).put("secretToken", c.secretToken());
                new Output(System.out, common.json).print(o,
                        "SCIM app enabled.\nTenant URL:   " + url + "\nSecret Token: " + c.secretToken() + "\n" + SHOWN_ONCE);
            }
            PublicUrls.unreachableByEntra(config).ifPresent(key -> {
                System.err.println(Texts.text(key, config.baseUrl()));
                System.err.flush();
            });
            return 0;
        }
    }

    @Command(name = "rotate-token", description = "Issue a new secret token; the old one stops working.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--overlap-minutes", paramLabel = "N", defaultValue = "0",
                description = "Keep the old token working for N more minutes while Entra is updated (default 0).")
        long overlapMinutes;

        @Override
        public Integer call() throws Exception {
            if (overlapMinutes < 0 || overlapMinutes > 7 * 24 * 60) {
                throw new IllegalArgumentException("--overlap-minutes must be between 0 and 10080 (one week).");
            }
            try (SqlDirectory dir = common.openDirectory()) {
                TenantAdmin.Credentials c = new TenantAdmin(dir, Clock.systemUTC()).rotate(Duration.ofMinutes(overlapMinutes));
                ObjectNode o = Output.object().put("secretToken", c.secretToken());
                String old = overlapMinutes == 0 ? "The previous token no longer works."
                        : "The previous token keeps working for " + overlapMinutes + " minutes.";
                new Output(System.out, common.json).print(o, "New Secret Token: " + c.secretToken() + "\n" + old + "\n" + SHOWN_ONCE);
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable the SCIM app: every token stops working; data is kept.")
    static final class Disable implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                new TenantAdmin(dir, Clock.systemUTC()).disable();
                new Output(System.out, common.json).print(Output.object().put("enabled", false),
                        "SCIM app disabled. Entra's requests are refused until it is enabled again; data is kept.");
            }
            return 0;
        }
    }

    @Command(name = "tokens", description = "The secret tokens that work now, with their expiry and last use.")
    static final class Tokens implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                List<Directory.Token> tokens = dir.defaultTenant()
                        .map(t -> dir.activeTokens(t.id(), Clock.systemUTC().instant())).orElse(List.of());
                ObjectNode o = Output.object();
                ArrayNode arr = o.putArray("tokens");
                StringBuilder text = new StringBuilder(tokens.isEmpty() ? Texts.text("tokens.empty") : "");
                for (Directory.Token t : tokens) {
                    arr.addObject().put("id", t.id()).put("createdAt", OAuthClientCommand.iso(t.created()))
                            .put("expiresAt", OAuthClientCommand.iso(t.expires()))
                            .put("lastUsedAt", OAuthClientCommand.iso(t.lastUsed()));
                    text.append(text.length() == 0 ? "" : "\n").append(Texts.text("tokens.row", t.id(),
                            OAuthClientCommand.iso(t.created()), t.expires() == null ? Texts.text("tokens.noExpiry")
                                    : t.expires().toString(), OAuthClientCommand.used(t.lastUsed())));
                }
                new Output(System.out, common.json).print(o, text.toString());
            }
            return 0;
        }
    }
}
