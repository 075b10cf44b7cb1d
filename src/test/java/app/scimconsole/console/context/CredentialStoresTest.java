package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the admin credential goes: the choice of store, the file as the fallback (its reason said on the page and in
 * the log, the file 600), and a clear-text credential that stays in the file while the store does not confirm it.
 * The real Secret Service is in {@link CredentialStoreSecretServiceTest}.
 */
class CredentialStoresTest {
    private static final String SECRET = "adm_5ecret-never-logged";

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(SettingsStore.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void withoutAStoreTheReasonFitsTheOperatingSystem() {
        CredentialStores.Opener none = () -> {
            throw new IOException("no D-Bus session");
        };
        assertThat(CredentialStores.select("Linux", none).place())
                .isEqualTo(CredentialPlace.file(CredentialPlace.Fallback.NO_SECRET_SERVICE));
        assertThat(CredentialStores.select("FreeBSD", none).place().fallback())
                .isEqualTo(CredentialPlace.Fallback.NO_SECRET_SERVICE);
        assertThat(CredentialStores.select("Windows 11", none).place().fallback())
                .isEqualTo(CredentialPlace.Fallback.STORE_REFUSED);
        assertThat(CredentialStores.select("Mac OS X", none).place().fallback())
                .isEqualTo(CredentialPlace.Fallback.STORE_REFUSED);
        assertThat(CredentialStores.select("z/OS", none).place().fallback())
                .isEqualTo(CredentialPlace.Fallback.NO_STORE_FOR_SYSTEM);
        assertThat(CredentialStores.select("Linux", () -> new MemoryCredentialStore(true)).place())
                .isEqualTo(CredentialPlace.in(CredentialStore.Kind.SECRET_SERVICE));
    }

    @Test
    void thePropertyTurnsTheStoreOffAndWithoutASessionBusLinuxHasNone() {
        String before = System.getProperty(CredentialStores.PROPERTY);
        try {
            System.setProperty(CredentialStores.PROPERTY, "file");
            assertThat(CredentialStores.forThisComputer().place().fallback()).isEqualTo(CredentialPlace.Fallback.TURNED_OFF);
            if (System.getProperty("os.name").startsWith("Linux") && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null
                    && System.getProperty("DBUS_SESSION_BUS_ADDRESS") == null && System.getenv("DISPLAY") == null) {
                // java-keyring's real backend, asked on a computer with no session bus (CI, a server)
                System.clearProperty(CredentialStores.PROPERTY);
                CredentialStores.Selection s = CredentialStores.forThisComputer();
                assertThat(s.store()).isNull();
                assertThat(s.place().fallback()).isEqualTo(CredentialPlace.Fallback.NO_SECRET_SERVICE);
            }
        } finally {
            if (before == null) {
                System.clearProperty(CredentialStores.PROPERTY);
            } else {
                System.setProperty(CredentialStores.PROPERTY, before);
            }
        }
    }

    @Test
    void theFallbackSaysItsReasonAndTheFileIsReadableOnlyByTheOwner() throws Exception {
        try (SettingsStore store = SettingsStore.open(dir,
                () -> CredentialStores.Selection.file(CredentialPlace.Fallback.NO_SECRET_SERVICE))) {
            CredentialPlace place = store.credentialPlace();
            assertThat(place.code()).isEqualTo("FILE:NO_SECRET_SERVICE");
            assertThat(I18n.forLocale(Locale.ENGLISH).text(place.messageKey())).isEqualTo("No credential store is "
                    + "available on this computer (no Secret Service running), so the credential is kept in console.json, "
                    + "readable only by you.");
            assertThat(I18n.forLocale(Locale.JAPANESE).text(place.messageKey()))
                    .contains("Secret Service が動いていない", "console.json", "あなただけが読めます");
            store.update(s -> s.withConnection(remote(SECRET)));
        }
        Path file = dir.resolve(SettingsStore.FILE);
        assertThat(Files.readString(file)).contains(SECRET);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("FILE:NO_SECRET_SERVICE", "no Secret Service running",
                "console.json", "Secret Service が動いていない"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains(SECRET));
    }

    @Test
    void everyReasonAndStoreHasASentenceInBothLanguages() {
        List<CredentialPlace> places = new ArrayList<>();
        for (CredentialPlace.Fallback f : CredentialPlace.Fallback.values()) {
            places.add(CredentialPlace.file(f));
        }
        for (CredentialStore.Kind k : CredentialStore.Kind.values()) {
            places.add(CredentialPlace.in(k));
        }
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            I18n i18n = I18n.forLocale(l);
            for (CredentialPlace p : places) {
                assertThat(i18n.has(p.messageKey())).as(l + " " + p.messageKey()).isTrue();
                assertThat(i18n.bundle().getString(p.messageKey())).contains("console.json");
            }
        }
    }

    @Test
    void aClearTextCredentialStaysInTheFileWhileTheStoreDoesNotGiveItBack() throws Exception {
        Path file = dir.resolve(SettingsStore.FILE);
        try (SettingsStore first = SettingsStore.open(dir,
                () -> CredentialStores.Selection.file(CredentialPlace.Fallback.TURNED_OFF))) {
            first.update(s -> s.withConnection(remote(SECRET)));
        }
        MemoryCredentialStore forgetful = new MemoryCredentialStore(false);
        try (SettingsStore store = SettingsStore.open(dir, () -> CredentialStores.Selection.of(forgetful))) {
            CredentialPlace place = store.credentialPlace();
            assertThat(place.fallback()).isEqualTo(CredentialPlace.Fallback.STORE_REFUSED);
            assertThat(store.current().connection().adminCredential()).isEqualTo(SECRET);
        }
        assertThat(Files.readString(file)).contains(SECRET);
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("FILE:STORE_REFUSED"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains(SECRET));
    }

    @Test
    void aConfirmingStoreTakesTheCredentialOutOfTheFile() throws Exception {
        Path file = dir.resolve(SettingsStore.FILE);
        Files.writeString(file, "{\"connection\":{\"mode\":\"REMOTE\",\"remoteUrl\":\"https://scim.example.com/admin/v1\","
                + "\"adminCredential\":\"" + SECRET + "\"},\"theme\":\"dark\"}");
        MemoryCredentialStore store = new MemoryCredentialStore(true);
        try (SettingsStore settings = SettingsStore.open(dir, () -> CredentialStores.Selection.of(store))) {
            assertThat(settings.credentialPlace()).isEqualTo(CredentialPlace.in(CredentialStore.Kind.SECRET_SERVICE));
            assertThat(Files.readString(file)).doesNotContain(SECRET).contains("REMOTE", "dark");
        }
        assertThat(store.read(CredentialStores.accountFor(dir))).contains(SECRET);
        try (SettingsStore again = SettingsStore.open(dir, () -> CredentialStores.Selection.of(store))) {
            assertThat(again.current().connection().adminCredential()).isNull();
            again.credentialPlace();
            assertThat(again.current().connection().adminCredential()).isEqualTo(SECRET);
        }
    }

    static ConsoleSettings.Connection remote(String credential) {
        return new ConsoleSettings.Connection(ConsoleSettings.Mode.REMOTE, "https://scim.example.com/admin/v1", credential);
    }
}
