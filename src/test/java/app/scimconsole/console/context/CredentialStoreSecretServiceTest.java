package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * java-keyring's real Linux backend against a real Secret Service: the test starts its own D-Bus session bus and an
 * unlocked GNOME Keyring (keyrings in a temporary folder), so the developer's own keyring is never touched. Skips,
 * saying what is missing, where {@code dbus-daemon} or {@code gnome-keyring-daemon} is not installed
 * ({@code apt-get install -y gnome-keyring dbus-daemon dbus-x11 libsecret-1-0}; {@code .ci/run} installs them).
 */
class CredentialStoreSecretServiceTest {
    private static final String BUS_PROPERTY = "DBUS_SESSION_BUS_ADDRESS"; // dbus-java reads it before the environment

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private static Process bus;
    private static Process keyring;
    /** One connection to the test's Secret Service, shared by the tests, closed before the bus stops. */
    private static CredentialStores.Selection secretService;

    @BeforeAll
    static void startSecretService() throws Exception {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "The Secret Service test runs on Linux only");
        Optional<Path> dbusDaemon = onPath("dbus-daemon");
        Optional<Path> keyringDaemon = onPath("gnome-keyring-daemon");
        assumeTrue(dbusDaemon.isPresent() && keyringDaemon.isPresent(), "Skipped: the Secret Service test needs "
                + "dbus-daemon and gnome-keyring-daemon (apt-get install -y gnome-keyring dbus-daemon dbus-x11 libsecret-1-0)");

        bus = new ProcessBuilder(dbusDaemon.get().toString(), "--session", "--nofork", "--print-address=1")
                .redirectError(home.resolve("dbus.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8));
        String address = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        assumeTrue(address != null && address.startsWith("unix:"), "Skipped: dbus-daemon gave no session bus address");

        Path run = Files.createDirectories(home.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(keyringDaemon.get().toString(), "--unlock", "--components=secrets",
                "--foreground").redirectOutput(home.resolve("keyring.log").toFile())
                .redirectError(home.resolve("keyring.err").toFile());
        Map<String, String> env = pb.environment();
        env.put(BUS_PROPERTY, address);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", run.toString());
        keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("keyring-password-of-this-test".getBytes(StandardCharsets.UTF_8)); // --unlock reads it
        }
        System.setProperty(BUS_PROPERTY, address);

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        CredentialStores.Selection s;
        do {
            s = CredentialStores.select("Linux", KeyringCredentialStore::open);
            if (s.store() == null) {
                Thread.sleep(200);
            }
        } while (s.store() == null && System.nanoTime() < until && keyring.isAlive());
        secretService = s;
        assumeTrue(s.store() != null, "Skipped: gnome-keyring-daemon did not offer the Secret Service on the test's bus: "
                + (Files.exists(home.resolve("keyring.err")) ? Files.readString(home.resolve("keyring.err")) : ""));
    }

    @AfterAll
    static void stopSecretService() throws InterruptedException {
        System.clearProperty(BUS_PROPERTY);
        if (secretService != null && secretService.store() instanceof KeyringCredentialStore k) {
            k.close();
        }
        for (Process p : new Process[] {keyring, bus}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static CredentialStores.Selection secretService() {
        return secretService;
    }

    @Test
    void theSecretServiceIsChosenAndKeepsWhatItIsGiven() throws Exception {
        CredentialStores.Selection s = secretService();
        assertThat(s.store()).isInstanceOf(KeyringCredentialStore.class); // java-keyring's own backend, chosen by select
        assertThat(s.place()).isEqualTo(CredentialPlace.in(CredentialStore.Kind.SECRET_SERVICE));
        String account = "test " + UUID.randomUUID();
        assertThat(s.store().read(account)).isEmpty();
        s.store().write(account, "first");
        s.store().write(account, "second");
        assertThat(s.store().read(account)).contains("second");
    }

    @Test
    void aClearTextCredentialMovesIntoTheKeyringOnFirstStart() throws Exception {
        Path file = dir.resolve(SettingsStore.FILE);
        String secret = "adm_" + UUID.randomUUID();
        Files.writeString(file, "{\"connection\":{\"mode\":\"REMOTE\",\"remoteUrl\":\"https://scim.example.com/admin/v1\","
                + "\"adminCredential\":\"" + secret + "\"},\"language\":\"ja\"}");
        try (SettingsStore settings = SettingsStore.open(dir, CredentialStoreSecretServiceTest::secretService)) {
            assertThat(settings.current().connection().adminCredential()).isEqualTo(secret);
            assertThat(settings.credentialPlace()).isEqualTo(CredentialPlace.in(CredentialStore.Kind.SECRET_SERVICE));
            assertThat(Files.readString(file)).doesNotContain(secret).contains("REMOTE", "\"ja\"");
        }
        assertThat(secretService().store().read(CredentialStores.accountFor(dir))).contains(secret);

        // The next start reads it from the keyring; a new credential goes there too, never into the file.
        try (SettingsStore settings = SettingsStore.open(dir, CredentialStoreSecretServiceTest::secretService)) {
            assertThat(settings.current().connection().adminCredential()).isNull();
            settings.credentialPlace();
            assertThat(settings.current().connection().adminCredential()).isEqualTo(secret);
            settings.update(s -> s.withConnection(s.connection().withAdminCredential("adm_rotated")));
            settings.flush();
            assertThat(Files.readString(file)).doesNotContain("adm_rotated").doesNotContain(secret);
        }
        assertThat(secretService().store().read(CredentialStores.accountFor(dir))).contains("adm_rotated");
    }
}
