package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.common.Fonts;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.domains.DomainViewModel;
import app.scimconsole.console.domains.DomainsPaneController;
import app.scimconsole.console.domains.DomainsViewModel;
import app.scimconsole.console.domains.Indicator;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.NameServers;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.testing.ShiftedClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the Japanese console, screen by screen and state by state, and fails on any text that is not Japanese from
 * its bundle (values and a few product words aside, see {@link JapaneseJudge}). Every screen is saved as
 * {@code target/screenshots/ja-walk-<screen>.png}, and every text read, with its verdict, goes to
 * {@code target/screenshots/ja-walk-<test>.txt}.
 */
class JapaneseWalkUiTest extends ConsoleUiTestBase {
    final JapaneseJudge judge = JapaneseJudge.ofConsoleBundle();
    final ShiftedClock clock = new ShiftedClock();
    /** Per screen, the texts that are not Japanese from the bundle. */
    final Map<String, List<String>> english = new LinkedHashMap<>();
    final List<String> report = new ArrayList<>();
    NotAService elsewhere;
    @TempDir
    Path serverData;
    ServiceRuntime server;

    @Override
    Clock clock() {
        return clock;
    }

    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }

    @AfterEach
    void stopOthers() throws IOException {
        if (server != null) {
            server.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("ja-walk-" + testName + ".txt"), report, StandardCharsets.UTF_8);
    }

    @Test
    void theSetupWizardAndEveryConnectionTestOutcome() throws IOException {
        screen("setup-1-before");
        fire("#roleCheck");
        fire("#ownerCheck");
        fire("#dnsCheck");
        screen("setup-1-before-ticked");

        show(StepId.ENABLE);
        screen("setup-2-enable-before");
        fire("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        String tenantUrl = text("#tenantUrlField");
        fire("#copyTokenButton");
        String token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4)); // shown masked but for its last four
        screen("setup-2-enable-credentials");
        fire("#revealButton");
        screen("setup-2-enable-token-revealed");
        fire("#revealButton");

        testConnection(tenantUrl, token, "setup-2-test-ok");
        testConnection(tenantUrl, "not-the-token", "setup-2-test-wrong-token");
        testConnection(tenantUrl.replaceFirst(":\\d+/", ":9/"), token, "setup-2-test-nothing-answers");
        testConnection("http://scim-console-test.invalid/scim/v2/x", token, "setup-2-test-unknown-host");
        judge.withValues("not a URL");
        testConnection("not a URL", token, "setup-2-test-bad-url");
        elsewhere = new NotAService();
        testConnection("https://127.0.0.1:" + elsewhere.plainPort() + "/scim/v2/x", token, "setup-2-test-tls");
        String site = elsewhere.url();
        testConnection(site + "/page", token, "setup-2-test-a-web-page");
        testConnection(site + "/moved", token, "setup-2-test-redirect");
        testConnection(site + "/broken", token, "setup-2-test-server-error");
        testConnection(site + "/nothing", token, "setup-2-test-wrong-path");
        testConnection(site + "/everyone", token, "setup-2-test-not-filtering");
        testConnection(tenantUrl, "", "setup-2-test-no-token");

        // SCIM turned off (on the command line, say): the token stops working, and the step offers to enable again.
        api().disableScim();
        ctx().overview().refresh();
        waitUntil("the step offers to enable again", () -> node("#enableButton").isVisible());
        testConnection(tenantUrl, token, "setup-2-test-scim-off");
        fire("#enableButton");
        waitUntil("a new token is shown", () -> !text("#tokenField").isEmpty());
        fire("#copyTokenButton");
        token = clipboard();
        judge.withValues(token, token.substring(token.length() - 4));

        // The confirmation before a new token: a dialog of its own.
        press("#regenerateButton"); // a click: the confirmation it opens waits for an answer
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "ja-walk-setup-2-regenerate-confirmation");
        judgeScreen("setup-2-regenerate-confirmation");
        push(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> lookup("#confirmButton").tryQuery().isEmpty());

        show(StepId.ENTRA);
        waitUntil("the mapping table waits for users", () -> text("#summary").equals(
                ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-waiting");
        show(StepId.PROVISIONING);
        screen("setup-4-provisioning-waiting");
        show(StepId.DOMAINS);
        screen("setup-5-domains-none");
        type("#newDomainField", "someone@example.org");
        waitUntil("the e-mail address is refused as typed", () -> !text("#newDomainError").isEmpty());
        judge.withValues("someone@example.org");
        screen("setup-5-domains-typed-an-address");
        show(StepId.PROVISIONING);

        // Entra's first cycle: two people without a department, one in a domain nobody proved.
        ScimClient entra = new ScimClient(tenantUrl, token);
        verifyInService("testuser.com");
        people("Alice Example", "Engineer", "Bob Example", "Mallory", "Spy", "Nowhere");
        assertThat(entra.createUser("alice@testuser.com", "Alice Example", "Engineer", null)).isEqualTo(201);
        assertThat(entra.createUser("bob@testuser.com", "Bob Example", null, null)).isEqualTo(201);
        assertThat(entra.json("POST", "/Users", ScimClient.user("mallory@unverified.example", "Mallory", "Spy",
                "Nowhere"))).startsWith("400");
        waitUntil("Entra's first request is seen", () -> node("#arrivedMark").isVisible());
        waitUntil("the refused person is warned about", () -> node("#warningBox").isVisible());
        screen("setup-4-provisioning-arrived");
        show(StepId.ENTRA);
        waitUntil("the table turns live", () -> node("#rejectedBox").isVisible()
                && !text("#summary").equals(ctx().i18n().text("mappings.summary.waiting")));
        screen("setup-3-entra-live-missing");

        assertAllJapanese();
    }

    @Test
    void theDirectoryActivityOverviewAndSettings() throws Exception {
        // Not before the console has read the service: its first read creates the organization, and so would this.
        waitUntil("the console has read the service", () -> ctx().overview().get() != null);
        AdminApi.Credentials c = api().enableScim();
        judge.withValues(c.secretToken());
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        people("Alice Example", "Engineer", "Engineering", "Bob Builder", "Technician", "Carol Example", "Designer",
                "Dave Departed", "Analyst", "Erin Gone", "nemo", "Nemo Nomail", "Mallory", "Spy", "Nowhere", "Everyone");
        // Entra leaves department out (its mapping deleted): the overview warns about the mapping.
        String alice = entra.created(person("alice@testuser.com", "Alice Example", "Engineer", true));
        entra.created(person("bob@testuser.com", "Bob Builder", "Technician", true));
        String carol = entra.created(person("carol@testuser.com", "Carol Example", "Designer", true));
        String dave = entra.created(person("dave@testuser.com", "Dave Departed", "Analyst", true));
        String erin = entra.created(person("erin@testuser.com", "Erin Gone", "Analyst", true));
        entra.created(person("nemo", "Nemo Nomail", "Analyst", false)); // no e-mail address: cannot sign in
        assertThat(entra.json("PATCH", "/Users/" + alice, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Designer\"}]}")).startsWith("200");
        assertThat(entra.suspend(dave)).isEqualTo(200);
        assertThat(entra.json("DELETE", "/Users/" + erin, "")).startsWith("204");
        assertThat(entra.json("POST", "/Users", ScimClient.user("mallory@unverified.example", "Mallory", "Spy",
                "Nowhere"))).startsWith("400");
        String group = entra.json("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Everyone\",\"members\":[{\"value\":\"" + alice + "\"}]}");
        assertThat(group).startsWith("201");
        String groupId = group.replaceFirst("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(entra.json("PATCH", "/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + carol + "\"}]}]}"))
                .startsWith("20");
        assertThat(new ScimClient(c.tenantUrl(), "an-old-token").get("/Users")).isEqualTo(401);
        api().addDomain("pending.example"); // registered, its record not published
        judge.withValues(api().rotateToken(0)); // an owner's action in the log

        fire("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the users are listed", () -> users.getItems().size() == 5);
        screen("users");
        selectRow(users, "alice@testuser.com");
        waitUntil("alice's details are shown", () -> text("#detailUserName").equals("alice@testuser.com"));
        screen("users-detail");
        fx(() -> {
            ((TitledPane) node("#detailBox .titled-pane")).setExpanded(true);
            return null;
        });
        waitUntil("the SCIM resource is shown", () -> !text("#resourceText").isEmpty());
        screen("users-detail-resource");
        selectRow(users, "dave@testuser.com");
        waitUntil("dave's suspension is shown", () -> node("#suspendedText").isVisible());
        screen("users-suspended");
        selectRow(users, "nemo");
        waitUntil("nemo cannot sign in", () -> node("#signInText").isVisible());
        screen("users-cannot-sign-in");
        type("#searchField", "nobody-by-this-name");
        judge.withValues("nobody-by-this-name");
        waitUntil("nobody is found", () -> users.getItems().isEmpty());
        screen("users-none-found");

        fire("#nav-groups");
        TableView<AdminApi.GroupRow> groups = node("#groupTable");
        waitUntil("the group is listed", () -> groups.getItems().size() == 1);
        screen("groups");
        fx(() -> {
            groups.getSelectionModel().select(0);
            return null;
        });
        TableView<UserRow> members = node("#memberTable");
        waitUntil("its members are listed", () -> members.getItems().size() == 2);
        screen("groups-members");

        fire("#nav-activity");
        TableView<AdminApi.ActivityEntry> log = node("#table");
        waitUntil("every entry is in the log", () -> log.getItems().size() >= 13);
        screen("activity");
        fx(() -> {
            ((ComboBox<AdminApi.Outcome>) node("#outcomeBox")).setValue(AdminApi.Outcome.REJECTED);
            return null;
        });
        waitUntil("only refusals are shown", () -> !log.getItems().isEmpty()
                && log.getItems().stream().allMatch(e -> "rejected".equals(e.outcome())));
        screen("activity-refusals");
        Path csv = data.resolve("activity.csv");
        ctx().setSaveDialog(chooser -> csv.toFile());
        fire("#exportButton");
        waitUntil("the CSV is written", () -> Files.exists(csv) && ctx().status().noticeProperty().get() != null
                && ctx().status().noticeProperty().get().text().contains(csv.getFileName().toString()));
        judge.withValues(csv.getFileName().toString());
        screen("activity-exported");

        fire("#nav-overview");
        waitUntil("the warnings are shown", () -> lookup(".overview-warning").queryAll().size() >= 3);
        screen("overview");

        fire("#nav-settings");
        waitUntil("the service settings are read", () -> !text("#portField").isEmpty());
        screen("settings");
        fire("#englishRadio");
        screen("settings-language-chosen");
        fire("#japaneseRadio");
        fx(() -> {
            ((TextField) node("#portField")).setText("99999");
            return null;
        });
        fire("#saveServiceButton");
        waitUntil("the port is refused", () -> !text("#serviceNote").isEmpty());
        judge.withValues("99999");
        screen("settings-port-refused");
        fx(() -> {
            ((TextField) node("#portField")).setText("8089");
            ((TextField) node("#publicUrlField")).setText("https://scim.example.com");
            return null;
        });
        fire("#saveServiceButton");
        waitUntil("the settings are saved", () -> text("#serviceNote").equals(ctx().i18n().text("settings.service.saved")));
        screen("settings-saved");

        assertAllJapanese();
    }

    /** A person as Entra sends one, without department; {@code withMail} false: no e-mail address at all. */
    static String person(String userName, String displayName, String title, boolean withMail) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":true,\"displayName\":\"" + displayName + "\",\"title\":\"" + title + "\""
                + (withMail ? ",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}]" : "")
                + "}";
    }

    @Test
    void theConnectionAndEveryWayConnectingToAServerFails() throws Exception {
        InetSocketAddress a = dns.address();
        server = ServiceRuntime.start(SqliteDirectory.open(serverData), new ServiceConfig("127.0.0.1", 0,
                "https://scim.example.com", ServiceConfig.DEFAULT_MAX_BODY, 8), a.getHostString() + ":" + a.getPort(),
                Clock.systemUTC());
        String credential = server.adminCredentials().issue("console");
        elsewhere = new NotAService();
        judge.withValues(data.toAbsolutePath().toString());

        fire("#nav-connection");
        screen("connection-embedded");
        fire("#remoteRadio");
        type("#urlField", "scim.example.com");
        waitUntil("the URL is refused as typed", () -> node("#urlError").isVisible());
        screen("connection-url-refused-as-typed");

        connect("http://scim-console-test.invalid/admin/v1", credential, "connection-host-unknown");
        connect("http://127.0.0.1:9/admin/v1", credential, "connection-nothing-answers");
        connect(server.adminUrl(), "not-the-credential", "connection-credential-refused");
        connect(elsewhere.url() + "/page", credential, "connection-a-web-page");
        connect("http://127.0.0.1:" + server.server().config().port() + "/admin/v1", credential, "connection-the-scim-port");
        connect(elsewhere.url() + "/broken", credential, "connection-server-error");
        connect("https://127.0.0.1:" + elsewhere.plainPort() + "/admin/v1", credential, "connection-tls");

        connect(server.adminUrl(), credential, "connection-remote");
        waitUntil("connected to the server", () -> ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
        screen("connection-remote-connected");
        fire("#embeddedRadio");
        fire("#connectButton");
        waitUntil("the embedded service is back", () -> ctx().connection().stateProperty().get()
                == ConnectionModel.State.CONNECTED && ctx().connection().connectionProperty().get().runtime().isPresent());
        screen("connection-embedded-again");

        assertAllJapanese();
    }

    /** Connects to {@code url} with {@code credential} from the Connection page and judges what the window says. */
    void connect(String url, String credential, String screen) {
        fx(() -> {
            ((TextField) node("#urlField")).setText(url);
            ((PasswordField) node("#credentialField")).setText(credential);
            return null;
        });
        judge.withValues(url, credential);
        fire("#connectButton");
        waitUntil("connecting to " + url + " has an outcome",
                () -> ctx().connection().stateProperty().get() != ConnectionModel.State.CONNECTING);
        screen(screen);
    }

    @Test
    void everyDomainState() throws Exception {
        waitUntil("the console has read the service", () -> ctx().overview().get() != null);
        String value = "scim-console-verification=" + "0".repeat(40); // the value someone published by mistake
        judge.withValues(value);
        for (String d : List.of("pending.example", "apex.example", "doubled.example", "quotes.example",
                "other.example", "alias.example", "verified.example", "gone.example", "broken.example")) {
            dns.zone(d, 1, 300, 60);
        }
        fire("#nav-domains");
        waitUntil("the domains are read", () -> node("#emptyLabel").isVisible());
        screen("domains-none");
        type("#newDomainField", "exa_mple.com");
        judge.withValues("exa_mple.com", "exa_mple");
        waitUntil("the name is refused as typed", () -> !text("#newDomainError").isEmpty());
        screen("domains-name-refused-as-typed");
        challengeOf("pending.example");
        checkNow("pending.example", Indicator.PENDING);
        screen("domains-pending-no-record");

        // Each mistake people make at their DNS provider, on a domain of its own.
        Challenge apex = challengeOf("apex.example");
        dns.txt("apex.example", apex.recordValue());
        checkNow("apex.example", Indicator.PENDING);
        screenAt("apex.example", "domains-pending-record-at-the-domain");
        Challenge doubled = challengeOf("doubled.example");
        dns.txt(doubled.recordName() + ".doubled.example", doubled.recordValue());
        checkNow("doubled.example", Indicator.PENDING);
        screenAt("doubled.example", "domains-pending-name-doubled");
        Challenge quoted = challengeOf("quotes.example");
        dns.txt(quoted.recordName(), " \"" + quoted.recordValue() + "\" ");
        checkNow("quotes.example", Indicator.MISMATCH);
        screenAt("quotes.example", "domains-mismatch-quotes-and-spaces");
        Challenge other = challengeOf("other.example");
        dns.txt(other.recordName(), value);
        checkNow("other.example", Indicator.MISMATCH);
        screenAt("other.example", "domains-mismatch-another-value");
        Challenge alias = challengeOf("alias.example");
        dns.cname(alias.recordName(), "verify.provider.example");
        judge.withValues("verify.provider.example");
        checkNow("alias.example", Indicator.PENDING);
        screenAt("alias.example", "domains-pending-cname");

        Challenge verified = challengeOf("verified.example");
        dns.txt(verified.recordName(), verified.recordValue());
        checkNow("verified.example", Indicator.VERIFIED);
        screenAt("verified.example", "domains-verified");

        // The DNS server fails in each way it can.
        challengeOf("broken.example");
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-server-failure");
        dns.mode(TestDnsServer.Mode.REFUSED);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-refused");
        dns.mode(TestDnsServer.Mode.DROP);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-no-answer");
        dns.mode(TestDnsServer.Mode.NORMAL);

        // Removing a registration asks first.
        Button remove = fx(() -> (Button) card("broken.example").lookup("#removeButton"));
        reveal(remove);
        clickOn(remove); // a click: the confirmation it opens waits for an answer
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "ja-walk-domains-remove-confirmation");
        judgeScreen("domains-remove-confirmation");
        clickOn("#confirmButton");
        waitUntil("the domain is removed", () -> card("broken.example") == null);
        screen("domains-removed");

        // A verified domain whose record disappears: verified for a grace period, then lost. A domain left pending
        // for 72 hours: expired.
        Challenge gone = challengeOf("gone.example");
        dns.txt(gone.recordName(), gone.recordValue());
        checkNow("gone.example", Indicator.VERIFIED);
        dns.remove(gone.recordName());
        checkNow("gone.example", Indicator.VERIFIED);
        waitUntil("the grace period is shown", () -> api().domains().stream()
                .anyMatch(d -> d.domain().equals("gone.example") && d.verificationEnds() != null));
        screenAt("gone.example", "domains-verified-record-missing");
        fire("#nav-overview");
        waitUntil("the grace period is warned about", () -> lookup(".overview-warning").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("gone.example")));
        screen("overview-domain-in-grace");
        fire("#nav-domains");
        clock.advance(RecheckPolicy.GRACE.plusHours(1));
        checkNow("gone.example", Indicator.LOST);
        screenAt("gone.example", "domains-lost");
        checkNow("pending.example", Indicator.EXPIRED);
        screenAt("pending.example", "domains-expired");

        fire("#nav-overview");
        waitUntil("the lost and expired domains are warned about", () -> lookup(".overview-warning").queryAll()
                .stream().filter(n -> ((Label) n).getText().contains("gone.example")
                        || ((Label) n).getText().contains("pending.example")).count() == 2);
        screen("overview-domains");

        // The offline check of a zone file (or a pasted dig answer) before publishing it.
        fire("#nav-domains");
        nameServersTellDifferentStories();

        String zoneDomain = "other.example";
        Challenge checked = challengeOf(zoneDomain);
        fx(() -> {
            ((TitledPane) node("#zonePane")).setExpanded(true);
            ComboBox<DomainViewModel> domain = node("#zoneDomain");
            domain.getSelectionModel().select(domain.getItems().stream().filter(d -> d.domain().equals(zoneDomain))
                    .findFirst().orElseThrow());
            return null;
        });
        String origin = "$ORIGIN " + zoneDomain + ".\n";
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + value + "\"\n", "domains-zone-check-wrong-value");
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + checked.recordValue() + "\"\n",
                "domains-zone-check-would-verify");
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + checked.recordValue() + "\n",
                "domains-zone-check-unreadable");

        assertAllJapanese();
    }

    /**
     * What only several name servers and a resolver can show (partly published, a resolver behind or failing): the
     * Domains pane, with its live check finding the domain's name servers through a resolver on loopback, in a window
     * of its own beside the console (the console itself sends every DNS query to its one test server).
     */
    void nameServersTellDifferentStories() throws Exception {
        dns.zone("multi.example", 1, 300, 60);
        Challenge multi = challengeOf("multi.example");
        try (NameServers servers = NameServers.start("multi.example", 2)) {
            judge.withValues("ns1.multi.example", "ns2.multi.example", "ns3.multi.example");
            DnsChecker checker = servers.checker().withTimeout(Duration.ofMillis(500)).withClock(clock);
            Stage pane = fx(() -> {
                DomainsViewModel vm = new DomainsViewModel(ctx().ui(), ctx().connection()::api, () -> checker::check);
                Parent root = Views.load("domains/DomainsPane.fxml", new DomainsPaneController(vm, ctx().i18n()),
                        ctx().i18n());
                root.setStyle(Fonts.japaneseStyle());
                ScrollPane scroller = new ScrollPane(root);
                scroller.setFitToWidth(true);
                Scene scene = new Scene(scroller, 1000, 760); // within the headless screen
                Themes.apply(scene, false);
                Stage s = new Stage();
                s.setScene(scene);
                s.show();
                vm.activate();
                return s;
            });
            try {
                waitUntil("the pane shows the domain", () -> paneCard(pane, "multi.example") != null);
                servers.publishOn(multi, 1, 2);
                servers.ns(1).serial("multi.example", 3);
                servers.ns(2).serial("multi.example", 3);
                checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING);
                paneScreen(pane, "multi.example", "domains-pending-partly-published");
                servers.publishOn(multi, 3);
                servers.ns(3).serial("multi.example", 3);
                checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING);
                paneScreen(pane, "multi.example", "domains-resolver-behind");
                servers.resolver.servfail(multi.recordName());
                checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING);
                paneScreen(pane, "multi.example", "domains-resolver-failing");
            } finally {
                fx(() -> {
                    pane.close();
                    return null;
                });
            }
        }
    }

    Node paneCard(Stage pane, String domain) {
        return fx(() -> pane.getScene().getRoot().lookupAll(".domain-card").stream()
                .filter(c -> c.lookup("#domainName") instanceof Label l && domain.equals(l.getText())).findFirst()
                .orElse(null));
    }

    void paneScreen(Stage pane, String domain, String name) {
        reveal(paneCard(pane, domain));
        shotOf(pane.getScene().getRoot(), "ja-walk-" + name);
        judgeScreen(name);
    }

    /** The challenge of a domain, added on the Domains page first if it is not there yet. */
    Challenge challengeOf(String domain) {
        if (card(domain) == null) {
            type("#newDomainField", domain);
            fire("#addButton");
            waitUntil("the card of " + domain + " appears", () -> card(domain) != null);
        }
        AdminApi.DomainEntry e = api().domains().stream().filter(d -> d.domain().equals(domain)).findFirst()
                .orElseThrow();
        judge.withValues(e.recordName(), e.recordValue());
        return new Challenge(DomainName.parse(domain), e.recordValue().substring(Challenge.VALUE_PREFIX.length()));
    }

    /** The domain's card on the Domains page, or null. */
    Node card(String domain) {
        return fx(() -> lookup(".domain-card").queryAll().stream()
                .filter(c -> c.lookup("#domainName") instanceof Label l && domain.equals(l.getText())).findFirst()
                .orElse(null));
    }

    /** Presses the card's "Check now" and waits until the service's standing and this computer's check are shown. */
    void checkNow(String domain, Indicator expected) {
        checkNow(card(domain), domain, expected);
    }

    void checkNow(Node card, String domain, Indicator expected) {
        Button check = fx(() -> (Button) card.lookup("#checkButton"));
        String liveBefore = fx(() -> ((Label) card.lookup("#liveNote")).getText());
        reveal(check);
        fx(() -> {
            check.fire();
            return null;
        });
        String status = ctx().i18n().text(expected.key());
        waitUntil(domain + " is checked and " + expected, () -> !check.isDisabled()
                && status.equals(((Label) card.lookup("#statusText")).getText())
                && !((Label) card.lookup("#liveNote")).getText().isEmpty());
    }

    /** Scrolls to the domain's card, saves the window and judges every text on screen. */
    void screenAt(String domain, String name) {
        reveal(card(domain));
        screen(name);
    }

    void zoneCheck(String zoneText, String screen) {
        type("#zoneText", zoneText);
        judge.withValues(zoneText);
        String before = text("#zoneResult");
        fire("#zoneCheckButton");
        waitUntil("the zone text is judged", () -> !text("#zoneResult").isEmpty() && !text("#zoneResult").equals(before));
        reveal(node("#zonePane"));
        screen(screen);
    }

    /** Runs the step's connection test with this URL and token and judges what it says. */
    void testConnection(String url, String token, String screen) {
        show(StepId.ENABLE);
        String running = ctx().i18n().text("enable.test.running");
        fx(() -> {
            TextField u = node("#testUrlField");
            u.setText(url);
            PasswordField t = node("#testTokenField");
            t.setText(token);
            return null;
        });
        fire("#testButton");
        waitUntil("the test of " + url + " has an outcome", () -> !node("#testProgress").isVisible()
                && !text("#testResult").isEmpty() && !text("#testResult").equals(running));
        shotAt("#testButton", "ja-walk-" + screen);
        judgeScreen(screen);
    }

    /** Values the test gives the service: shown as they are, in any language. */
    void people(String... values) {
        judge.withValues(values);
    }

    // ---- moving about: as a click or typing would, without moving the mouse there (what is walked is the texts) ----

    /** Presses a button, a check box, a radio button or a section's button. */
    void fire(String query) {
        ButtonBase b = node(query);
        reveal(b);
        fx(() -> {
            b.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows a wizard step, as choosing it in the stepper does. */
    void show(StepId step) {
        ListView<StepId> stepper = node("#stepper");
        fx(() -> {
            stepper.getSelectionModel().select(step);
            return null;
        });
        waitUntil("step " + step + " is shown", () -> stepper.getSelectionModel().getSelectedItem() == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts text in a field, as typing it does. */
    void type(String query, String text) {
        TextInputControl field = node(query);
        fx(() -> {
            field.setText(text);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- judging ---------------------------------------------------------------------------------------------------

    /** Saves the window and judges every text on screen. */
    void screen(String name) {
        shot("ja-walk-" + name);
        judgeScreen(name);
    }

    void judgeScreen(String name) {
        List<VisibleTexts.Seen> seen = fx(VisibleTexts::onScreen);
        Set<String> judged = new LinkedHashSet<>();
        report.add("== " + name);
        for (VisibleTexts.Seen s : seen) {
            if (!judged.add(s.text())) {
                continue;
            }
            var rest = judge.unexplained(s.text());
            report.add((rest.isPresent() ? "NOT JAPANESE  " : "ok  ") + oneLine(s.text()) + "    @ " + s.where());
            rest.ifPresent(r -> english.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("«" + oneLine(s.text()) + "» at " + s.where()
                            + (r.equals(s.text()) ? "" : " (from «" + oneLine(r) + "»)")));
        }
    }

    void assertAllJapanese() {
        StringBuilder b = new StringBuilder();
        english.forEach((screen, texts) -> {
            b.append("\n").append(screen).append(":");
            texts.forEach(t -> b.append("\n    ").append(t));
        });
        assertThat(english).as("texts that are not Japanese from the bundle, by screen:" + b).isEmpty();
    }

    static String oneLine(String s) {
        String flat = s.replace("\n", "⏎");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    AdminApi api() {
        return ctx().connection().api();
    }
}
