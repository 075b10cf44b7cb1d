package app.scimconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.service.EventReaders;
import app.scimconsole.service.HistoryRetention;
import app.scimconsole.service.KeySetAddress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line contract of DESIGN.md, exercised as a user would: each command runs in its own JVM on a temp
 * data folder, and its exit code, JSON output and stderr are checked.
 */
class CliContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    TestDnsServer dns;

    @BeforeEach
    void dns() throws IOException {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not one JSON object: " + out + " / " + err, e);
            }
        }
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.scimconsole.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Run run(String... args) throws Exception {
        return runWithInput("", args);
    }

    private Run runWithInput(String stdin, String... args) throws Exception {
        return runIn(Map.of(), stdin, args);
    }

    /** Runs with {@code env} added to the environment; a null value removes the variable. */
    private Run runIn(Map<String, String> env, String stdin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process p = builder.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.trim(), err.trim());
    }

    private String dnsServer() {
        return "127.0.0.1:" + dns.address().getPort();
    }

    @Test
    void oauthClientAndTokensCommands() throws Exception {
        String d = data.toString();
        Run enable = run("scim", "enable", "--data", d, "--json");
        assertThat(enable.exit()).as(enable.err()).isZero();
        String tenantUrl = enable.json().path("tenantUrl").asText();
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);

        Run add = run("scim", "oauth-client", "add", "--expires-days", "730", "--data", d, "--json");
        assertThat(add.exit()).as(add.err()).isZero();
        JsonNode added = add.json();
        assertThat(added.path("tokenEndpoint").asText()).isEqualTo("http://127.0.0.1:8089/oauth2/v1/" + tenantId + "/token");
        String clientId = added.path("clientId").asText();
        String secret = added.path("clientSecret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        Instant expires = Instant.parse(added.path("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expires).toDays()).isBetween(729L, 730L);
        Run text = run("scim", "oauth-client", "add", "--data", d);
        assertThat(text.out()).contains("Token Endpoint:", "Client Identifier:", "Client Secret:", "shown only now");

        Run list = run("scim", "oauth-client", "list", "--data", d, "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode first = list.json().path("clients").get(0);
        assertThat(list.json().path("clients")).hasSize(2);
        assertThat(first.path("clientId").asText()).isEqualTo(clientId);
        assertThat(Instant.parse(first.path("expiresAt").asText())).isEqualTo(expires);
        assertThat(first.path("createdAt").isTextual()).isTrue();
        assertThat(first.path("lastUsedAt").isNull()).isTrue();
        assertThat(first.path("secrets")).hasSize(1);
        assertThat(Instant.parse(first.path("secrets").get(0).path("expiresAt").asText())).isEqualTo(expires);
        assertThat(list.out()).doesNotContain(secret);

        // the secret the CLI showed is the one the service accepts: stored as its hash, nowhere in clear
        try (SqliteDirectory dir = SqliteDirectory.open(data)) {
            byte[] hash = app.scimconsole.service.SecretTokens.hash(secret);
            assertThat(dir.oauth().client(clientId).orElseThrow().secrets().get(0).hash()).isEqualTo(hash);
        }
        for (Path f : Files.walk(data).filter(Files::isRegularFile).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        }

        Run tooShort = run("scim", "oauth-client", "add", "--expires-days", "30", "--data", d, "--json");
        assertThat(tooShort.exit()).isNotZero();
        assertThat(tooShort.err()).contains("--expires-days");

        Run tokens = run("scim", "tokens", "--data", d, "--json");
        assertThat(tokens.exit()).as(tokens.err()).isZero();
        JsonNode token = tokens.json().path("tokens").get(0);
        assertThat(tokens.json().path("tokens")).hasSize(1);
        assertThat(token.path("id").asText()).isNotEmpty();
        assertThat(token.has("createdAt") && token.has("expiresAt") && token.has("lastUsedAt")).isTrue();
        assertThat(tokens.out()).doesNotContain(enable.json().path("secretToken").asText());

        Run remove = run("scim", "oauth-client", "remove", clientId, "--data", d, "--json");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(remove.json().path("removed").asBoolean()).isTrue();
        assertThat(run("scim", "oauth-client", "list", "--data", d, "--json").json().path("clients")).hasSize(1);
        Run again = run("scim", "oauth-client", "remove", clientId, "--data", d, "--json");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no OAuth client " + clientId);
    }

    @Test
    void eventReaderCommandsIssueListAndRevoke() throws Exception {
        String d = data.resolve("events").toString();
        String tenantUrl = run("scim", "enable", "--data", d, "--json").json().path("tenantUrl").asText();
        Run issue = run("events", "issue-reader", "--label", "ovice sync", "--data", d, "--json");
        assertThat(issue.exit()).as(issue.err()).isZero();
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        assertThat(issue.json().path("eventsUrl").asText())
                .isEqualTo(tenantUrl.replace("/scim/v2/" + tenantId, "/events/v1/" + tenantId));
        String credential = issue.json().path("readerCredential").asText();
        assertThat(credential).hasSizeGreaterThan(40);
        String id = issue.json().path("id").asText();

        Run list = run("events", "list-readers", "--data", d, "--json");
        assertThat(list.json().path("readers")).hasSize(1);
        assertThat(list.json().path("readers").get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.json().path("readers").get(0).path("label").asText()).isEqualTo("ovice sync");
        assertThat(list.out()).doesNotContain(credential);
        assertThat(run("events", "list-readers", "--data", d).out()).contains(id).contains("ovice sync")
                .contains("last used never");
        assertThat(list.json().path("readers").get(0).has("lastUsedAt")).isTrue();
        assertThat(list.json().path("readers").get(0).path("lastUsedAt").isNull()).as("never used").isTrue();
        try (SqliteDirectory dir = SqliteDirectory.open(Path.of(d))) {
            assertThat(new EventReaders(dir).admit(tenantId, credential)).isTrue(); // as the feed admits it
        }
        Instant used = Instant.parse(run("events", "list-readers", "--data", d, "--json").json().path("readers").get(0)
                .path("lastUsedAt").asText());
        assertThat(used).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(600));

        Run revoke = run("events", "revoke-reader", id, "--data", d, "--json");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.json().path("revoked").asBoolean()).isTrue();
        assertThat(run("events", "list-readers", "--data", d, "--json").json().path("readers")).isEmpty();
        Run again = run("events", "revoke-reader", id, "--data", d, "--json");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no reader credential " + id);
    }

    @Test
    void webhookCommandsAddListAndRemove() throws Exception {
        String d = data.resolve("webhooks").toString();
        run("scim", "enable", "--data", d, "--json");
        Run add = run("webhook", "add", "https://203.0.113.10/hook", "--events", "user.created,group.deleted",
                "--data", d, "--json");
        assertThat(add.exit()).as(add.err()).isZero();
        String id = add.json().path("id").asText();
        String secret = add.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_");

        Run list = run("webhook", "list", "--data", d, "--json");
        JsonNode hooks = list.json().path("webhooks");
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).path("id").asText()).isEqualTo(id);
        assertThat(hooks.get(0).path("url").asText()).isEqualTo("https://203.0.113.10/hook");
        assertThat(hooks.get(0).path("events").toString()).isEqualTo("[\"user.created\",\"group.deleted\"]");
        assertThat(hooks.get(0).path("backlog").asLong()).isZero();
        assertThat(hooks.get(0).path("state").asText()).isEqualTo("HEALTHY");
        assertThat(list.out()).doesNotContain(secret);
        assertThat(run("webhook", "list", "--data", d).out()).contains(id, "https://203.0.113.10/hook", "never");

        Map<String, String> noFlag = new java.util.HashMap<>();
        noFlag.put(KeySetAddress.DEV_LOOPBACK_HTTP, null);
        for (String url : List.of("https://192.168.1.20/hook", "http://127.0.0.1:9/hook", "http://203.0.113.10/")) {
            Run refused = runIn(noFlag, "", "webhook", "add", url, "--data", d, "--json");
            assertThat(refused.exit()).as(url).isNotZero();
            assertThat(refused.err()).as(url).contains(url);
        }
        Run dev = runIn(Map.of(KeySetAddress.DEV_LOOPBACK_HTTP, "1"), "", "webhook", "add", "http://127.0.0.1:9/hook",
                "--data", d, "--json");
        assertThat(dev.exit()).as(dev.err()).isZero();
        Run badType = run("webhook", "add", "https://203.0.113.10/hook", "--events", "user.renamed", "--data", d);
        assertThat(badType.exit()).isNotZero();
        assertThat(badType.err()).contains("user.renamed");

        Run replay = run("webhook", "replay", id, "--after", "0", "--data", d, "--json");
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.json().path("after").asText()).isEqualTo("0");
        assertThat(replay.json().path("backlog").asLong()).isZero();
        assertThat(replay.json().path("eventsLost").asBoolean()).isFalse();
        Run beyond = run("webhook", "replay", id, "--after", "41", "--data", d, "--json");
        assertThat(beyond.exit()).isNotZero();
        assertThat(beyond.err()).contains("41");
        Run notACursor = run("webhook", "replay", id, "--after", "yesterday", "--data", d);
        assertThat(notACursor.exit()).isNotZero();
        assertThat(notACursor.err()).contains("yesterday");

        Run rotate = run("webhook", "rotate-secret", id, "--data", d, "--json");
        assertThat(rotate.exit()).as(rotate.err()).isZero();
        assertThat(rotate.json().path("id").asText()).isEqualTo(id);
        assertThat(rotate.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(Instant.parse(rotate.json().path("previousSecretValidUntil").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(run("webhook", "list", "--data", d, "--json").out()).doesNotContain(
                rotate.json().path("secret").asText());

        Run remove = run("webhook", "remove", id, "--data", d, "--json");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(remove.json().path("removed").asBoolean()).isTrue();
        assertThat(run("webhook", "list", "--data", d, "--json").json().path("webhooks")).hasSize(1);
        Run again = run("webhook", "remove", id, "--data", d, "--json");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no webhook endpoint " + id);
        assertThat(run("webhook", "replay", id, "--after", "0", "--data", d).err()).contains("no webhook endpoint " + id);
        assertThat(run("webhook", "rotate-secret", id, "--data", d).err()).contains("no webhook endpoint " + id);
    }

    @Test
    void federationCommands() throws Exception {
        String d = data.toString();
        String tenantUrl = run("scim", "enable", "--data", d, "--json").json().path("tenantUrl").asText();
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        String tid = "11111111-2222-4333-8444-555555555555";

        Run add = run("scim", "federation", "add", "--entra-tenant", tid, "--subject", "sub-1", "--audience",
                "api://AzureADTokenExchange", "--data", d, "--json");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.json().path("tokenEndpoint").asText())
                .isEqualTo("http://127.0.0.1:8089/oauth2/v1/" + tenantId + "/token");
        String clientId = add.json().path("clientId").asText();
        assertThat(clientId).isNotBlank();
        assertThat(add.json().has("clientSecret")).isFalse();
        assertThat(add.json().path("keysUrl").asText())
                .isEqualTo("https://login.microsoftonline.com/" + tid + "/discovery/v2.0/keys");
        Run text = run("scim", "federation", "add", "--entra-tenant", tid, "--subject", "sub-2", "--audience", "aud",
                "--data", d);
        assertThat(text.out()).contains("Tenant URL:", "Token Endpoint:", "Client Identifier:", "No secret exists");

        Map<String, String> noFlag = new java.util.HashMap<>();
        noFlag.put(KeySetAddress.DEV_LOOPBACK_HTTP, null);
        for (String url : List.of("http://127.0.0.1:9/keys", "https://localhost/keys", "http://keys.example.com/k")) {
            Run refused = runIn(noFlag, "", "scim", "federation", "add", "--entra-tenant", tid, "--subject", "s",
                    "--audience", "a", "--keys-url", url, "--data", d, "--json");
            assertThat(refused.exit()).as(url).isNotZero();
            assertThat(refused.err()).as(url).contains(url);
        }
        Run dev = runIn(Map.of(KeySetAddress.DEV_LOOPBACK_HTTP, "1"), "", "scim", "federation", "add",
                "--entra-tenant", tid, "--subject", "s", "--audience", "a", "--keys-url", "http://127.0.0.1:9/keys",
                "--data", d, "--json");
        assertThat(dev.exit()).as(dev.err()).isZero();
        Run badTenant = run("scim", "federation", "add", "--entra-tenant", "contoso", "--subject", "s", "--audience",
                "a", "--data", d, "--json");
        assertThat(badTenant.exit()).isNotZero();
        assertThat(badTenant.err()).contains("GUID");

        Run list = run("scim", "federation", "list", "--data", d, "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode trusts = list.json().path("trusts");
        assertThat(trusts).hasSize(3);
        JsonNode first = trusts.get(0);
        assertThat(first.path("clientId").asText()).isEqualTo(clientId);
        assertThat(first.path("entraTenant").asText()).isEqualTo(tid);
        assertThat(first.path("subject").asText()).isEqualTo("sub-1");
        assertThat(first.path("audience").asText()).isEqualTo("api://AzureADTokenExchange");
        assertThat(first.path("createdAt").isTextual()).isTrue();
        assertThat(first.path("lastUsedAt").isNull()).isTrue();
        assertThat(run("scim", "federation", "list", "--data", d).out()).contains(clientId, "sub-1", "never");
        assertThat(run("scim", "oauth-client", "list", "--data", d, "--json").json().path("clients"))
                .as("trusts are not OAuth clients with secrets").isEmpty();

        Run remove = run("scim", "federation", "remove", clientId, "--data", d, "--json");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(remove.json().path("removed").asBoolean()).isTrue();
        assertThat(run("scim", "federation", "list", "--data", d, "--json").json().path("trusts")).hasSize(2);
        Run again = run("scim", "federation", "remove", clientId, "--data", d);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no federation trust " + clientId);
    }

    @Test
    void scimDomainUsersAndActivityCommands() throws Exception {
        String d = data.toString();
        Run enable = run("scim", "enable", "--data", d, "--json");
        assertThat(enable.exit()).as(enable.err()).isZero();
        String tenantUrl = enable.json().path("tenantUrl").asText();
        assertThat(tenantUrl).matches("http://127\\.0\\.0\\.1:8089/scim/v2/[0-9a-f-]+");
        assertThat(enable.json().path("secretToken").asText()).hasSizeGreaterThanOrEqualTo(43);

        Run add = run("domain", "add", "example.com", "--data", d, "--json");
        assertThat(add.exit()).as(add.err()).isZero();
        JsonNode record = add.json();
        assertThat(record.path("domain").asText()).isEqualTo("example.com");
        assertThat(record.path("recordType").asText()).isEqualTo("TXT");
        assertThat(record.path("recordName").asText()).isEqualTo("_scim-console-challenge.example.com");
        assertThat(record.path("recordValue").asText()).startsWith("scim-console-verification=");

        dns.zone("example.com", 1, 300, 60);
        Run pending = run("domain", "verify", "example.com", "--dns-server", dnsServer(), "--data", d, "--json");
        assertThat(pending.exit()).as(pending.err()).isZero();
        assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
        // Beside each English sentence, its reason's code and arguments.
        assertThat(pending.json().path("summary").asText())
                .startsWith("The name _scim-console-challenge.example.com does not exist yet.");
        assertThat(pending.json().path("code").asText()).isEqualTo("domain.check.noSuchNameCached");
        assertThat(pending.json().path("args").get(0).asText()).isEqualTo("_scim-console-challenge.example.com");
        assertThat(pending.json().path("servers").get(0).path("answer").asText())
                .isEqualTo("says the name does not exist");
        JsonNode server = pending.json().path("servers").get(0);
        assertThat(server.path("code").asText()).isEqualTo("domain.answer.noSuchName");
        assertThat(server.path("outcome").asText()).isEqualTo("NO_SUCH_NAME");
        assertThat(server.path("address").asText()).isEqualTo(dnsServer());
        assertThat(server.path("name").isNull()).isTrue();
        assertThat(server.path("role").asText()).isEqualTo("CONFIGURED");
        assertThat(server.path("serial").asLong()).isEqualTo(1);
        assertThat(server.path("values").isArray()).isTrue();
        Run pendingText = run("domain", "verify", "example.com", "--dns-server", dnsServer(), "--data", d);
        assertThat(pendingText.out()).startsWith("PENDING: The name _scim-console-challenge.example.com does not exist")
                .contains("\n  DNS server (" + dnsServer() + "): says the name does not exist (zone serial 1)");
        dns.txt(record.path("recordName").asText(), record.path("recordValue").asText());
        Run verified = run("domain", "verify", "example.com", "--dns-server", dnsServer(), "--data", d, "--json");
        assertThat(verified.json().path("status").asText()).isEqualTo("VERIFIED");
        JsonNode listed = run("domain", "list", "--data", d, "--json").json().path("domains").get(0);
        assertThat(listed.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(listed.path("detail").asText())
                .isEqualTo("Verified: the DNS server publishes the record _scim-console-challenge.example.com.");
        assertThat(listed.path("code").asText()).isEqualTo("domain.check.verifiedByServer");
        assertThat(run("domain", "list", "--data", d).out()).contains("VERIFIED  Verified: the DNS server publishes");

        Path zone = data.resolve("example.com.zone");
        Files.writeString(zone, "$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 3600 600 86400 60\n"
                + record.path("recordName").asText() + ". IN TXT \"" + record.path("recordValue").asText() + "\"\n");
        Run offline = run("domain", "check-zone", zone.toString(), "example.com", "--data", d, "--json");
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.json().path("status").asText()).isEqualTo("VERIFIED");

        Run users = run("users", "list", "--data", d, "--json");
        assertThat(users.exit()).isZero();
        assertThat(users.json().path("users").isArray()).isTrue();
        Run activity = run("activity", "list", "--limit", "5", "--data", d, "--json");
        assertThat(activity.json().path("activity").get(0).path("operation").asText()).isEqualTo("ENABLE");

        Run rotate = run("scim", "rotate-token", "--data", d, "--json");
        assertThat(rotate.json().path("secretToken").asText()).isNotEqualTo(enable.json().path("secretToken").asText());
        Run disable = run("scim", "disable", "--data", d, "--json");
        assertThat(disable.json().path("enabled").asBoolean(true)).isFalse();
        // secrets are shown once and never written to the log
        assertThat(run("activity", "list", "--data", d, "--json").out()).doesNotContain(rotate.json().path("secretToken").asText());

        // a SCIM request's entry names the client's address (the owner's own actions have none)
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            directory.log(new Directory.Activity(0, null, tenantId, "AUTHENTICATE", "Users", null, null, "rejected",
                    "activity.appDisabled", List.of("GET Users"), null, "198.51.100.23"));
        }
        JsonNode latest = run("activity", "list", "--limit", "2", "--data", d, "--json").json().path("activity");
        assertThat(latest.get(0).path("clientAddress").asText()).isEqualTo("198.51.100.23");
        assertThat(latest.get(1).path("operation").asText()).isEqualTo("DISABLE");
        assertThat(latest.get(1).path("clientAddress").isNull()).isTrue();
        List<String> plain = run("activity", "list", "--limit", "2", "--data", d).out().lines().toList();
        assertThat(plain.get(0)).contains(" rejected  198.51.100.23 ");
        assertThat(plain.get(1)).contains(" success   - ");
    }

    @Test
    void activityListForAUserShowsWhatEachWriteChanged() throws Exception {
        String d = data.toString();
        String tenantUrl = run("scim", "enable", "--data", d, "--json").json().path("tenantUrl").asText();
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            directory.log(new Directory.Activity(0, null, tenantId, "CREATE", "User", "u1", "alice@example.com",
                    "success", "activity.created", List.of(), null, "203.0.113.7", new Directory.History("req-1",
                    List.of(new Directory.Change("title", null, "Engineer")))));
            directory.log(new Directory.Activity(0, null, tenantId, "PATCH", "User", "u1", "alice@example.com",
                    "success", "activity.changed", List.of("title"), null, "203.0.113.7", new Directory.History(null,
                    List.of(new Directory.Change("title", "Engineer", "Senior Engineer")))));
            directory.log(new Directory.Activity(0, null, tenantId, "PATCH", "User", "u1", "alice@example.com",
                    "success", "activity.unchanged", List.of(), null, "203.0.113.7", new Directory.History(null,
                    List.of())));
            directory.log(new Directory.Activity(0, null, tenantId, "PATCH", "User", "someone-else", "bob@example.com",
                    "success", "activity.changed", List.of("title"), null, null, new Directory.History(null,
                    List.of(new Directory.Change("title", "A", "B")))));
        }

        Run json = run("activity", "list", "--user", "u1", "--data", d, "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode entries = json.json().path("activity");
        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(e -> assertThat(e.has("time") && e.has("operation") && e.has("outcome")).isTrue());
        assertThat(entries.get(0).path("code").asText()).isEqualTo("activity.unchanged");
        assertThat(entries.get(0).path("changes")).isEmpty();
        JsonNode patched = entries.get(1).path("changes").get(0);
        assertThat(patched.path("attribute").asText()).isEqualTo("title");
        assertThat(patched.path("old").asText()).isEqualTo("Engineer");
        assertThat(patched.path("new").asText()).isEqualTo("Senior Engineer");
        assertThat(entries.get(2).path("changes").get(0).path("old").isNull()).isTrue();
        assertThat(entries.get(2).path("requestId").asText()).isEqualTo("req-1");

        String plain = run("activity", "list", "--user", "u1", "--data", d).out();
        assertThat(plain).contains("title: Engineer → Senior Engineer", "title: (none) → Engineer",
                "No change", "Entra request id: req-1").doesNotContain("bob@example.com");
        assertThat(run("activity", "list", "--user", "nobody", "--data", d).out()).contains("No activity for nobody");
        Run blank = run("activity", "list", "--user", " ", "--data", d);
        assertThat(blank.exit()).isNotZero();
        assertThat(blank.err()).contains("--user needs the id of a user or group");
    }

    @Test
    void historyRetentionIsShownAndSetWithinItsBounds() throws Exception {
        String d = data.toString();
        Run initial = run("scim", "history", "retention", "--data", d, "--json");
        assertThat(initial.exit()).as(initial.err()).isZero();
        assertThat(initial.json().path("retentionDays").asInt()).isEqualTo(90);

        String tenantUrl = run("scim", "enable", "--data", d, "--json").json().path("tenantUrl").asText();
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        Run set = run("scim", "history", "retention", "30", "--data", d, "--json");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.json().path("retentionDays").asInt()).isEqualTo(30);
        assertThat(set.json().size()).isEqualTo(1);
        Run shown = run("scim", "history", "retention", "--data", d);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).startsWith("Attribute history is kept for 30 days.");

        Run tooLong = run("scim", "history", "retention", "3651", "--data", d, "--json");
        assertThat(tooLong.exit()).isNotZero();
        assertThat(tooLong.out()).isEmpty();
        assertThat(tooLong.err()).isEqualTo(
                "scim-console: History can be kept from 1 to 3,650 days; 3,651 days is outside that range.");
        Run notANumber = run("scim", "history", "retention", "ninety", "--data", d);
        assertThat(notANumber.exit()).isNotZero();
        assertThat(notANumber.err()).contains("ninety").doesNotContain("Exception");
        // the service that purges reads the same setting from the data folder
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            assertThat(new HistoryRetention(directory, java.time.Clock.systemUTC()).days(tenantId)).isEqualTo(30);
        }
    }

    @Test
    void checkZoneReadsStandardInputAndSaysTheOutcomeInItsExitCode() throws Exception {
        String d = data.toString();
        JsonNode record = run("domain", "add", "example.com", "--data", d, "--json").json();
        String zone = "$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 3600 600 86400 60\n";
        String name = record.path("recordName").asText() + ".";

        Run right = runWithInput(zone + name + " IN TXT \"" + record.path("recordValue").asText() + "\"\n",
                "domain", "check-zone", "-", "example.com", "--data", d, "--json");
        assertThat(right.exit()).as(right.err()).isEqualTo(0);
        assertThat(right.json().path("status").asText()).isEqualTo("VERIFIED");

        Run wrong = runWithInput(zone + name + " IN TXT \"scim-console-verification=not-ours\"\n",
                "domain", "check-zone", "-", "example.com", "--data", d, "--json");
        assertThat(wrong.exit()).as(wrong.err()).isEqualTo(4);
        assertThat(wrong.json().path("status").asText()).isEqualTo("MISMATCH");

        Run missing = runWithInput(zone, "domain", "check-zone", "-", "example.com", "--data", d);
        assertThat(missing.exit()).as(missing.err()).isEqualTo(3);
        assertThat(missing.out()).startsWith("PENDING: ");

        Run unreadable = run("domain", "check-zone", data.resolve("no-such.zone").toString(), "example.com", "--data", d);
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.err()).startsWith("scim-console: ").doesNotContain("\n");
    }

    @Test
    void enableWarnsWhenEntraCannotReachTheTenantUrlAndRemembersThePublicOne() throws Exception {
        String d = data.toString();
        Run local = run("scim", "enable", "--data", d, "--json");
        assertThat(local.exit()).isZero();
        assertThat(local.json().path("tenantUrl").asText()).startsWith("http://127.0.0.1:8089/scim/v2/");
        assertThat(local.err()).startsWith("Warning: Entra cannot reach this tenant URL: http://127.0.0.1:8089 is this")
                .contains("--public-url https://scim.example.com");

        Run plain = run("scim", "enable", "--public-url", "http://scim.example.com", "--data", d);
        assertThat(plain.err()).startsWith("Warning: Entra cannot reach this tenant URL: http://scim.example.com is "
                + "not an HTTPS address");

        Run public_ = run("scim", "enable", "--public-url", "https://scim.example.com/", "--data", d, "--json");
        assertThat(public_.exit()).as(public_.err()).isZero();
        assertThat(public_.err()).isEmpty();
        assertThat(public_.json().path("tenantUrl").asText()).startsWith("https://scim.example.com/scim/v2/");
        Run again = run("scim", "enable", "--data", d, "--json");
        assertThat(again.json().path("tenantUrl").asText()).startsWith("https://scim.example.com/scim/v2/");
        assertThat(again.err()).isEmpty();

        Run nonsense = run("scim", "enable", "--public-url", "scim example", "--data", d);
        assertThat(nonsense.exit()).isEqualTo(1);
        assertThat(nonsense.err()).isEqualTo("scim-console: --public-url must be a full address such as "
                + "https://scim.example.com (given: scim example).");
    }

    @Test
    void issuedAdminCredentialNamesWhereTheConsoleTakesIt() throws Exception {
        Run issued = run("admin", "issue-credential", "--data", data.toString());
        assertThat(issued.exit()).isZero();
        java.util.ResourceBundle console = java.util.ResourceBundle.getBundle("app.scimconsole.console.messages",
                java.util.Locale.ROOT);
        for (String label : List.of("nav.connection", "connection.mode.remote", "connection.connect")) {
            assertThat(issued.out()).as(label).contains(console.getString(label).replace("_", ""));
        }
    }

    @Test
    void failuresExitNonZeroWithOneLineOnStderr() throws Exception {
        Run bad = run("domain", "add", "not a domain", "--data", data.toString(), "--json");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).doesNotContain("\n").doesNotContain("Exception")
                .isEqualTo("scim-console: \"not a domain\" contains characters that are not allowed in a domain name. "
                        + "Use letters, digits and hyphens (-) only.");
        Run rotateFirst = run("scim", "rotate-token", "--data", data.toString());
        assertThat(rotateFirst.exit()).isNotZero();
        assertThat(rotateFirst.err()).contains("scim enable");
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isNotZero();
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("SCIM Console");
    }

    @Test
    void aPortInUseIsNamedByTheOptionThatChoseIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            Run admin = run("serve", "--port", "0", "--admin-port", port, "--data", data.toString(),
                    "--dns-server", dnsServer());
            assertThat(admin.exit()).isNotZero();
            assertThat(admin.err()).contains("127.0.0.1:" + port).contains("--admin-port").doesNotContain("Exception");
            Run scim = run("serve", "--port", port, "--admin-port", "0", "--data", data.toString(),
                    "--dns-server", dnsServer());
            assertThat(scim.exit()).isNotZero();
            assertThat(scim.err()).contains("127.0.0.1:" + port).contains("with --port.").doesNotContain("--admin-port");
        }
    }

    @Test
    void serveAnswersEntrasProbeAndStopsGracefullyOnSigterm() throws Exception {
        Run enable = run("scim", "enable", "--data", data.toString(), "--json");
        String token = enable.json().path("secretToken").asText();
        Process serve = new ProcessBuilder(command("serve", "--port", "0", "--admin-port", "0", "--data", data.toString(),
                "--dns-server", dnsServer(), "--json")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            JsonNode first = JSON.readTree(out.readLine());
            String tenantUrl = first.path("tenantUrl").asText();
            assertThat(first.path("adminUrl").asText()).startsWith("http://127.0.0.1:").endsWith("/admin/v1");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(tenantUrl
                    + "/Users?filter=userName+eq+%22c0ffee00-0000-4000-8000-000000000000%22"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(probe.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(probe.body()).path("totalResults").asInt()).isZero();
            HttpResponse<String> spc = http.send(HttpRequest.newBuilder(URI.create(tenantUrl + "/ServiceProviderConfig"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(spc.statusCode()).isEqualTo(200);
            serve.toHandle().destroy(); // SIGTERM, keeping our end of its standard output open (Process.destroy closes it)
            // the rest of standard output, to its end when serve exits, is the access log: a line a request,
            // without the token or the query
            List<String> accessLog = out.lines().toList();
            assertThat(accessLog).hasSize(2);
            assertThat(accessLog.get(0)).matches("\\[\\S+Z] 127\\.0\\.0\\.1 \"GET /scim/v2/[^ ?]+/Users\" 200 \\d+ \\d+ \"Java-http-client/.*\"");
            assertThat(accessLog.get(1)).contains("/ServiceProviderConfig\" 200 ");
            assertThat(String.join("\n", accessLog)).doesNotContain(token).doesNotContain("c0ffee00")
                    .doesNotContain("filter");
        } finally {
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).isIn(0, 143);
        // the data folder is private to its owner
        if (File.separatorChar == '/') {
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }
}
