package app.scimconsole.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import app.scimconsole.console.activity.ActivityController;
import app.scimconsole.console.connection.ConnectionController;
import app.scimconsole.console.domains.DomainsPaneController;
import app.scimconsole.console.groups.GroupsController;
import app.scimconsole.console.overview.OverviewController;
import app.scimconsole.console.settings.SettingsController;
import app.scimconsole.console.setup.SetupController;
import app.scimconsole.console.users.UsersController;
import app.scimconsole.console.webhooks.WebhooksController;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.testing.EntraKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed app's launcher, not the jar: the jpackage app image under {@code target/installer/} (built by
 * {@code mvn -Pinstaller -DskipTests package}) runs the command line and the headless service with its own trimmed
 * runtime. This catches what only packaging can break: a module missing from the jlink list, a library left out of
 * the class path, a launcher that starts the UI when it should not.
 *
 * <p>Run by failsafe in the {@code installer} profile ({@code mvn -Pinstaller -DskipTests verify}); skipped, with
 * the reason, when no app image has been built. Every process runs without DISPLAY, so a launcher that tried to open
 * the console instead of the command line would fail loudly rather than open a window.
 */
class PackagedLauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private static Path launcher;

    @TempDir
    Path data;

    @BeforeAll
    static void findLauncher() {
        launcher = launcherIn(Path.of(System.getProperty("installer.dir", "target/installer")));
    }

    /** Checked per test rather than per class, so that a run without an image reports each test as skipped. */
    @BeforeEach
    void requireAppImage() {
        Assumptions.assumeTrue(Files.isExecutable(launcher),
                "no packaged app image at " + launcher.toAbsolutePath()
                        + ": build it first with mvn -Pinstaller -DskipTests package");
    }

    /** Where jpackage puts the command-line launcher on each OS (names from packaging/<os>/image.args). */
    private static Path launcherIn(Path installer) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return installer.resolve("SCIM Console").resolve("scim-console.exe");
        }
        if (os.contains("mac")) {
            return installer.resolve("SCIM Console.app/Contents/MacOS/SCIM Console");
        }
        return installer.resolve("scim-console/bin/scim-console");
    }

    @Test
    void versionPrintsTheVersionWithoutStartingTheUi() throws Exception {
        Run run = run("--version");

        assertThat(run.exit).as("exit code; stderr: %s", run.err).isZero();
        String expected = System.getProperty("installer.version");
        assertThat(run.out).startsWith("SCIM Console ");
        if (expected != null) {
            assertThat(run.out).isEqualTo("SCIM Console " + expected);
        }
    }

    @Test
    void serveAnswersScimWithATokenIssuedByTheLauncherAndStopsOnSigterm() throws Exception {
        String token = enableScim();

        servesScimUntilSigterm(start(launcher, List.of("serve", "--port", "0", "--admin-port", "0",
                "--data", data.toString(), "--json")), token, (serve, tenantUrl) -> { });
    }

    /**
     * The headless service's own launcher, the one the systemd unit starts, serves SCIM without being told
     * {@code serve}, and its JVM runs with the server's options (lib/app/scim-console-server.cfg), not the console's:
     * read from the running JVM itself (the start options it publishes, and the threads its compiler and collector
     * options make), not from the configuration alone.
     */
    @Test
    void theServerLauncherServesScimWithItsOwnJvmOptions() throws Exception {
        Path server = launcher.resolveSibling(launcher.getFileName().toString().endsWith(".exe")
                ? "scim-console-server.exe" : "scim-console-server");
        assertThat(server).as("the server launcher beside the command line's").isExecutable();
        List<String> own = javaOptions(launcherConfig("scim-console-server.cfg"));
        List<String> consoles = new ArrayList<>(javaOptions(launcherConfig(mainLauncherName() + ".cfg")));
        consoles.removeAll(own);
        assertThat(own).as("the server launcher's JVM options").anyMatch(o -> o.startsWith("-X"));
        assertThat(consoles).as("the console launcher's options the server's lack").anyMatch(o -> o.startsWith("-X"));
        String token = enableScim();

        servesScimUntilSigterm(start(server, List.of("--port", "0", "--admin-port", "0", "--data", data.toString(),
                "--json")), token, (serve, tenantUrl) -> {
            String vmArgs = HotSpotPerfData.strings(HotSpotPerfData.file(serve.pid())).get("java.rt.vmArgs");
            assertThat(vmArgs).as("the serving JVM's start options").contains(own)
                    .doesNotContain(consoles).doesNotContain("SharedArchiveFile");
            if (isLinux()) {
                assertThat(threadNames(serve.pid()).stream().anyMatch(n -> n.startsWith("C2 ")))
                        .as("a C2 compiler thread, as the options say").isEqualTo(!own.contains("-XX:TieredStopAtLevel=1"));
                if (own.contains("-XX:+UseSerialGC")) {
                    assertThat(threadNames(serve.pid())).as("the serial collector: no G1 threads")
                            .noneMatch(n -> n.startsWith("G1 "));
                }
            }
        });
    }

    private String enableScim() throws Exception {
        Run enable = run("scim", "enable", "--data", data.toString(), "--json");
        assertThat(enable.exit).as("scim enable exit code; stderr: %s", enable.err).isZero();
        String token = JSON.readTree(enable.out).path("secretToken").asText();
        assertThat(token).as("secretToken in %s", enable.out).isNotEmpty();
        return token;
    }

    /** Something to check while the service runs (its process and its tenant URL are given). */
    private interface WhileServing {
        void check(Process serve, String tenantUrl) throws Exception;
    }

    /**
     * Starts the service, checks that it answers SCIM with {@code token} (and 401 without), runs {@code check}, then
     * stops it with SIGTERM and expects it to stop gracefully.
     */
    private void servesScimUntilSigterm(ProcessBuilder command, String token, WhileServing check) throws Exception {
        Path serveErr = Files.createTempFile(data, "serve", ".err");
        Process serve = command.redirectError(serveErr.toFile()).start();
        try {
            serve.getOutputStream().close();
            JsonNode listening = JSON.readTree(firstLine(serve, serveErr));
            String tenantUrl = listening.path("tenantUrl").asText();
            assertThat(tenantUrl).as("first line %s", listening).startsWith("http://127.0.0.1:").contains("/scim/v2/");
            assertThat(listening.path("adminUrl").asText()).as("first line %s", listening).startsWith("http://127.0.0.1:");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest.Builder config = HttpRequest.newBuilder(URI.create(tenantUrl + "/ServiceProviderConfig"))
                    .timeout(Duration.ofSeconds(20));
            HttpResponse<String> anonymous = http.send(config.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> authorized = http.send(config.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).as("without a token").isEqualTo(401);
            assertThat(authorized.statusCode()).as("with the token; body %s", authorized.body()).isEqualTo(200);
            assertThat(JSON.readTree(authorized.body()).path("schemas").toString())
                    .contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");

            // a userName filter compares RFC 8265 keys (width, case, normalization: ICU4J's, trimmed in the image)
            String filter = java.net.URLEncoder.encode("userName eq \"Ｔａｒｏ@Bücher.example\"", StandardCharsets.UTF_8)
                    .replace("+", "%20");
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users?filter=" + filter))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).as("a filter on a full-width userName; body %s", found.body()).isEqualTo(200);
            assertThat(JSON.readTree(found.body()).path("totalResults").asInt(-1)).isZero();
            check.check(serve, tenantUrl);
        } finally {
            serve.destroy(); // SIGTERM on Linux and macOS: serve's graceful shutdown
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
                fail("serve did not stop within 30 s of SIGTERM; stderr: " + Files.readString(serveErr));
            }
        }
    }

    /** A launcher's configuration in the app image (lib/app on Linux, app on Windows, Contents/app on macOS). */
    private static Path launcherConfig(String name) throws IOException {
        try (var walk = Files.walk(Path.of(System.getProperty("installer.dir", "target/installer")))) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in the app image"));
        }
    }

    /**
     * The JVM options a launcher's configuration gives (its {@code java-options=} lines), but those naming a file in
     * the image ({@code $APPDIR/...}, which the launcher expands).
     */
    private static List<String> javaOptions(Path cfg) throws IOException {
        return Files.readAllLines(cfg).stream().filter(l -> l.startsWith("java-options=") && !l.contains("$APPDIR"))
                .map(l -> l.substring("java-options=".length())).toList();
    }

    /** The names of a process's threads as the kernel shows them (HotSpot names its native threads, 15 characters). */
    private static List<String> threadNames(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.toList()) {
                names.add(Files.readString(task.resolve("comm")).strip());
            }
            return names;
        }
    }

    /** The console launcher's name, which jpackage also gives its .cfg: the app image's (Linux: scim-console). */
    private static String mainLauncherName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") || os.contains("mac") ? "SCIM Console" : "scim-console";
    }

    private static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
    }

    /**
     * Issue 21: ICU4J in the image keeps only its data and classes the app can reach (Installer.Trim, ClassClosure),
     * and still turns an international domain name into its ASCII form (IDNA, UTS #46 mapping: case, then Punycode).
     */
    @Test
    void anInternationalDomainNameIsRegisteredByItsAsciiForm() throws Exception {
        Run enable = run("scim", "enable", "--data", data.toString(), "--json");
        assertThat(enable.exit).as("scim enable exit code; stderr: %s", enable.err).isZero();
        Run add = run("domain", "add", "Bücher.例え.jp", "--data", data.toString(), "--json");
        assertThat(add.exit).as("domain add exit code; stderr: %s", add.err).isZero();
        assertThat(JSON.readTree(add.out).path("domain").asText()).isEqualTo("xn--bcher-kva.xn--r8jz45g.jp");

        // ... from an image whose ICU4J and ControlsFX lost the classes nothing reaches (so this proves the trimmed ones)
        Path app = launcher.getParent().resolveSibling("lib/app");
        assertThat(entries(app, "icu4j-")).contains("com/ibm/icu/text/IDNA.class")
                .doesNotContain("com/ibm/icu/text/Transliterator.class", "com/ibm/icu/text/DateFormat.class");
        assertThat(entries(app, "controlsfx-")).contains("org/controlsfx/validation/ValidationSupport.class")
                .doesNotContain("org/controlsfx/control/CheckComboBox.class");
    }

    /**
     * Issue 21: Nimbus JOSE+JWT in the image keeps only the classes the app reaches (Installer.ClassClosure), and the
     * service still verifies a workload identity federation assertion as Entra presents it: an RS256 JWT whose key
     * the service reads from the tenant's JWK set (served on loopback here), parsed and checked with Nimbus and the
     * JDK's JCA. The assertion is exchanged for an access token that SCIM then accepts; one signed by another key under
     * the same kid is refused, so the signature was checked, not skipped.
     */
    @Test
    void aFederatedAssertionIsVerifiedAgainstTheTenantsKeySetOnTheTrimmedImage() throws Exception {
        try (EntraKeys entra = new EntraKeys(Clock.systemUTC())) {
            RSAKey key = EntraKeys.newKey("k1");
            entra.publish(key);
            String token = enableScim();
            Run trust = run(Map.of(KeySetAddress.DEV_LOOPBACK_HTTP, "1"), "scim", "federation", "add",
                    "--entra-tenant", EntraKeys.TENANT, "--subject", EntraKeys.SUBJECT, "--audience", EntraKeys.AUDIENCE,
                    "--keys-url", entra.url(), "--data", data.toString(), "--json");
            assertThat(trust.exit).as("federation add exit code; stderr: %s", trust.err).isZero();
            String clientId = JSON.readTree(trust.out).path("clientId").asText();

            ProcessBuilder serve = start(launcher, List.of("serve", "--port", "0", "--admin-port", "0",
                    "--data", data.toString(), "--json"));
            serve.environment().put(KeySetAddress.DEV_LOOPBACK_HTTP, "1");
            servesScimUntilSigterm(serve, token, (process, tenantUrl) -> {
                String tokenEndpoint = tenantUrl.replace("/scim/v2/", "/oauth2/v1/") + "/token";
                HttpResponse<String> granted = entra.obtainToken(tokenEndpoint, key, clientId);
                assertThat(granted.statusCode()).as("the assertion signed with the published key; body %s",
                        granted.body()).isEqualTo(200);
                String accessToken = JSON.readTree(granted.body()).path("access_token").asText();
                HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(tenantUrl + "/Users")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(users.statusCode()).as("SCIM with the access token; body %s", users.body()).isEqualTo(200);

                HttpResponse<String> forged = entra.obtainToken(tokenEndpoint, EntraKeys.newKey("k1"), clientId);
                assertThat(forged.statusCode()).as("signed by another key under the kid; body %s", forged.body())
                        .isEqualTo(401);
                assertThat(entra.fetches()).as("the key set was read from its address").isPositive();
            });
        }
        // ... by an image whose Nimbus lost the classes nothing reaches (signers, encrypters, key generators, ...)
        assertThat(entries(launcher.getParent().resolveSibling("lib/app"), "nimbus-jose-jwt-"))
                .contains("com/nimbusds/jose/crypto/RSASSAVerifier.class", "com/nimbusds/jose/jwk/JWKSet.class")
                .doesNotContain("com/nimbusds/jose/jwk/gen/RSAKeyGenerator.class");
    }

    /**
     * Issue 21: dnsjava in the image keeps only the classes the app reaches (Installer.ClassClosure; a multi-release
     * jar, each version of a class kept with it), and the domain check still finds a domain's TXT record on a DNS
     * server (on loopback, as {@code --dns-server}): the zone's SOA, the record's answer, the verdict VERIFIED. The
     * service's start (every other test here) reads this computer's resolver configuration with dnsjava's providers.
     */
    @Test
    void aDomainsTxtRecordIsFoundOnADnsServerOnTheTrimmedImage() throws Exception {
        enableScim();
        Run add = run("domain", "add", "example.com", "--data", data.toString(), "--json");
        assertThat(add.exit).as("domain add exit code; stderr: %s", add.err).isZero();
        JsonNode record = JSON.readTree(add.out);
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.zone("example.com", 1, 300, 60).txt(record.path("recordName").asText(),
                    record.path("recordValue").asText());
            Run verify = run("domain", "verify", "example.com", "--dns-server", "127.0.0.1:" + dns.address().getPort(),
                    "--data", data.toString(), "--json");

            assertThat(verify.exit).as("domain verify exit code; stderr: %s", verify.err).isZero();
            assertThat(JSON.readTree(verify.out).path("status").asText()).as(verify.out).isEqualTo("VERIFIED");
        }
        assertThat(entries(launcher.getParent().resolveSibling("lib/app"), "dnsjava-"))
                .contains("org/xbill/DNS/TXTRecord.class", "org/xbill/DNS/config/ResolvConfResolverConfigProvider.class")
                .doesNotContain("org/xbill/DNS/tools/Tools.class");
    }

    private static List<String> entries(Path folder, String jarPrefix) throws IOException {
        Path jar;
        try (var jars = Files.list(folder)) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith(jarPrefix)).findFirst().orElseThrow();
        }
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    /**
     * Issue 21: the trimmed image (one sqlite-jdbc native library, ICU4J without its locale data) still opens the
     * console's first screen, in a window on an X server of the test's own (Xvfb, no desktop), and its embedded
     * service opens the database: the console's start-up lines report the first frame, then the service ready.
     */
    @Test
    void theConsoleOpensItsFirstScreenAndItsServiceOnTheTrimmedImage() throws Exception {
        try (Console console = Console.start(this, data, Map.of())) {
            String log = console.awaitServiceReady();
            assertThat(log).as("the console's standard error").contains("scim-console startup: first-frame at=")
                    .contains("scim-console startup: service-ready at=").doesNotContain("service-failed");
            assertThat(log.indexOf("first-frame")).as("the first frame before the service").isLessThan(log.indexOf("service-ready"));
            assertThat(log).as("the page it opens on is shown").contains("scim-console startup: first-screen at=");
            assertThat(log.indexOf("first-frame")).as("the window's frame before the page it opens on")
                    .isLessThan(log.indexOf("first-screen"));
            assertThat(log.indexOf("first-screen")).as("the page before the service").isLessThan(log.indexOf("service-ready"));
            assertThat(HotSpotPerfData.strings(HotSpotPerfData.file(console.process.pid())).get("java.rt.vmArgs"))
                    .as("the console's JVM options").contains(javaOptions(launcherConfig(mainLauncherName() + ".cfg")))
                    .contains("-XX:TieredStopAtLevel=1");
            assertThat(threadNames(console.process.pid())).as("the console's threads: C1 only")
                    .noneMatch(n -> n.startsWith("C2 "));
            try (var db = Files.walk(data.resolve("data"))) {
                assertThat(db.map(p -> p.getFileName().toString()))
                        .as("the embedded service's database").anyMatch(name -> name.endsWith(".db"));
            }
        }
    }

    /**
     * Issue 21: the runtime leaves out AWT, Swing, Java 2D and XSLT (Installer.ModuleTrim), so every section of the
     * console is opened from the image with its shortcut (Ctrl+1 ... Ctrl+9, sent with xdotool): each section's
     * controller is loaded (the JVM's class-loading log says so) and nothing fails on the way (no exception, no
     * missing class on standard error), and the console is still running at the end.
     */
    @Test
    void everySectionOfTheConsoleOpensOnTheTrimmedImage() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/xdotool")), "no xdotool (apt-get install xdotool)");
        List<String> controllers = List.of(OverviewController.class, UsersController.class, GroupsController.class,
                ActivityController.class, DomainsPaneController.class, WebhooksController.class, SetupController.class,
                ConnectionController.class, SettingsController.class).stream().map(Class::getName).toList();
        Path classes = data.resolve("classes.log");
        try (Console console = Console.start(this, data,
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes))) {
            assertThat(console.awaitServiceReady()).contains("service-ready");
            String window = console.xdotool("search", "--name", "SCIM Console").lines().findFirst().orElseThrow();
            for (int i = 0; i < controllers.size(); i++) {
                String controller = controllers.get(i) + " ";
                console.xdotool("key", "--window", window, "ctrl+" + (i + 1));
                long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline && console.process.isAlive()
                        && !Files.readString(classes).contains(controller)) {
                    Thread.sleep(100);
                }
                assertThat(Files.readString(classes)).as("section %d (Ctrl+%d) loaded", i + 1, i + 1).contains(controller);
            }
            assertThat(console.process.isAlive()).as("the console still runs").isTrue();
            assertThat(Files.readString(console.err)).as("the console's standard error")
                    .doesNotContain("Exception").doesNotContain("Error");
        }
    }

    /** The packaged console on an Xvfb of its own, with a fresh data folder; closing stops both. */
    private static final class Console implements AutoCloseable {
        private final Process xvfb;
        private final String display;
        private final Process process;
        private final Path err;

        private Console(Process xvfb, String display, Process process, Path err) {
            this.xvfb = xvfb;
            this.display = display;
            this.process = process;
            this.err = err;
        }

        static Console start(PackagedLauncherIT test, Path data, Map<String, String> env) throws Exception {
            Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                    "an X server of the test's own is started on Linux only");
            Process xvfb = null;
            String display = null;
            for (int n = 81; n < 99 && display == null; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                try {
                    xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } catch (IOException e) {
                    Assumptions.abort("no Xvfb on this machine (apt-get install xvfb): " + e.getMessage());
                }
                for (int i = 0; i < 100 && xvfb.isAlive() && display == null; i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        display = ":" + n;
                    }
                    Thread.sleep(50);
                }
            }
            assertThat(display).as("an Xvfb display").isNotNull();
            Path err = data.resolve("console.err");
            ProcessBuilder pb = test.start(List.of()).redirectError(err.toFile());
            pb.environment().put("DISPLAY", display);
            pb.environment().put("SCIM_CONSOLE_STARTUP_TRACE", "1");
            pb.environment().put("XDG_DATA_HOME", data.resolve("data").toString());
            pb.environment().put("XDG_CONFIG_HOME", data.resolve("config").toString());
            pb.environment().putAll(env);
            Process console = pb.start();
            console.getOutputStream().close();
            return new Console(xvfb, display, console, err);
        }

        /** Standard error once the console reports its service ready or failed (or exits, or a minute passes). */
        String awaitServiceReady() throws Exception {
            long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
            String log = "";
            while (System.nanoTime() < deadline && process.isAlive()
                    && !log.contains("service-ready") && !log.contains("service-failed")) {
                Thread.sleep(200);
                log = Files.readString(err);
            }
            return log;
        }

        String xdotool(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("xdotool"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            Process p = pb.start();
            String out = readAll(p);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("xdotool %s", command).isTrue();
            assertThat(p.exitValue()).as("xdotool %s: %s", command, out).isZero();
            return out;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            xvfb.destroy();
        }
    }

    /**
     * The AppCDS archive the build dumps into its own image maps: classes come from it (a stale archive, or this image
     * copied to another folder, would be ignored; the .deb dumps its own where it is installed).
     */
    @Test
    void theShippedClassDataArchiveIsUsed() throws Exception {
        Path app = launcher.getParent().resolveSibling("lib").resolve("app");
        Assumptions.assumeTrue(Files.isRegularFile(app.resolve("scim-console.jsa")),
                "no AppCDS archive in " + app + " (the installer build had no display and no Xvfb)");
        Path err = Files.createTempFile(data, "err", ".txt");
        ProcessBuilder pb = start(List.of("--version")).redirectError(err.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = readAll(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("class loading log").contains("source: shared objects file");
    }

    /**
     * Issue 21: the training run goes on to the first screen, so the page a fresh start opens on (the setup wizard,
     * built after the window's first frame) is in the class list the archive is dumped from, not only the window.
     */
    @Test
    void theClassListCoversTheFirstScreenNotOnlyTheWindow() throws Exception {
        Path classList = launcher.getParent().resolveSibling("lib/app/scim-console.classlist");
        Assumptions.assumeTrue(Files.isRegularFile(classList), "the installer build had no display and no Xvfb");
        List<String> classes = Files.readAllLines(classList);
        assertThat(classes).as("the window").anyMatch(l -> l.startsWith("app/scimconsole/console/app/MainWindowController"));
        assertThat(classes).as("the page it opens on").anyMatch(l -> l.startsWith("app/scimconsole/console/setup/SetupController"))
                .anyMatch(l -> l.startsWith("app/scimconsole/console/setup/SetupPage"));
    }

    /**
     * The .deb dumps the AppCDS archive where it is installed (an archive dumped at build time records the build
     * folder's jar paths and is ignored anywhere else): the image it carries has the class list to dump from, its
     * postinst dumps from it and its prerm removes the archive again, with jpackage's placeholders filled in.
     */
    @Test
    void theDebDumpsTheClassDataArchiveWhereItIsInstalled() throws Exception {
        Path installer = launcher.getParent().getParent().getParent();
        List<Path> debs;
        try (var entries = Files.list(installer)) {
            debs = entries.filter(p -> p.toString().endsWith(".deb")).toList();
        }
        Assumptions.assumeTrue(debs.size() == 1, "no .deb in " + installer);
        Assumptions.assumeTrue(Files.isRegularFile(launcher.getParent().resolveSibling("lib/app/scim-console.classlist")),
                "the installer build had no display and no Xvfb, so no class list");
        Path control = Files.createDirectories(data.resolve("control"));
        dpkgDeb("--control", debs.get(0).toString(), control.toString());

        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));
        assertThat(postinst).contains("-Xshare:dump -XX:SharedClassListFile=$app/scim-console.classlist")
                .contains("app=/opt/scim-console/lib/app").contains("xdg-desktop-menu install")
                .doesNotContain("DESKTOP_COMMANDS_INSTALL").doesNotContain("APPLICATION_PACKAGE");
        assertThat(prerm).contains("rm -f /opt/scim-console/lib/app/scim-console.jsa")
                .doesNotContain("DESKTOP_COMMANDS_UNINSTALL").doesNotContain("UTILITY_SCRIPTS");

        // the server launcher gets a menu entry from JDK 17's jpackage too: ours, which no menu shows
        Path files = Files.createDirectories(data.resolve("files"));
        dpkgDeb("-x", debs.get(0).toString(), files.toString());
        assertThat(files.resolve("opt/scim-console/bin/scim-console-server")).isExecutable();
        assertThat(Files.readString(files.resolve("opt/scim-console/lib/scim-console-scim-console-server.desktop")))
                .contains("NoDisplay=true").contains("Exec=/opt/scim-console/bin/scim-console-server");
    }

    private static void dpkgDeb(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = readAll(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, out).isZero();
    }

    private record Run(int exit, String out, String err) {
    }

    private ProcessBuilder start(List<String> args) {
        return start(launcher, args);
    }

    private static ProcessBuilder start(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb;
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    /** The launcher with {@code args}, its environment and {@code env}. */
    private Run run(Map<String, String> env, String... args) throws Exception {
        Path err = Files.createTempFile(data, "err", ".txt");
        ProcessBuilder command = start(List.of(args));
        command.environment().putAll(env);
        Process p = command.redirectError(err.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p));
        if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", args) + " did not finish within " + COMMAND_TIMEOUT + "; stderr: " + Files.readString(err));
        }
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS).trim(), Files.readString(err).trim());
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** serve's first stdout line, its "listening" JSON; the rest of stdout is left to the process. */
    private static String firstLine(Process serve, Path stderr) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String first = line.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (first == null) {
                fail("serve exited before listening (exit " + serve.waitFor() + "); stderr: " + Files.readString(stderr));
            }
            return first;
        } catch (TimeoutException e) {
            throw new AssertionError("serve printed nothing within " + COMMAND_TIMEOUT + "; stderr: "
                    + Files.readString(stderr), e);
        }
    }
}
