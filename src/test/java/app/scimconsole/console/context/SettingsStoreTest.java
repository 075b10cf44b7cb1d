package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheEmbeddedDefault() {
        ConsoleSettings s = SettingsStore.open(dir).current();
        assertThat(s.connection().mode()).isEqualTo(ConsoleSettings.Mode.EMBEDDED);
        assertThat(s.wizard().checked()).isEmpty();
        assertThat(s.wizard().step()).isNull();
    }

    @Test
    void changesAreWrittenAndReadBack() throws Exception {
        try (SettingsStore store = SettingsStore.open(dir)) {
            store.update(s -> s.withConnection(new ConsoleSettings.Connection(ConsoleSettings.Mode.REMOTE,
                    "https://scim.example.com/admin/v1", "admin-secret")));
            store.update(s -> s.withWizard(s.wizard().withStep("ENTRA").withChecked("before.role", true)));
            store.update(s -> s.withLanguage("ja").withLastView("setup"));
        }
        ConsoleSettings s = SettingsStore.open(dir).current();
        assertThat(s.connection().remoteUrl()).isEqualTo("https://scim.example.com/admin/v1");
        assertThat(s.connection().adminCredential()).isEqualTo("admin-secret");
        assertThat(s.wizard().step()).isEqualTo("ENTRA");
        assertThat(s.wizard().checked()).containsExactly("before.role");
        assertThat(s.language()).isEqualTo("ja");
        assertThat(s.toString()).doesNotContain("admin-secret");
        Path file = dir.resolve(SettingsStore.FILE);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anUnreadableFileIsIgnoredAndUnknownFieldsAreSkipped() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE), "{ not json");
        assertThat(SettingsStore.open(dir).current().connection().mode()).isEqualTo(ConsoleSettings.Mode.EMBEDDED);
        Files.writeString(dir.resolve(SettingsStore.FILE),
                "{\"theme\":\"dark\",\"future\":{\"x\":1},\"wizard\":{\"step\":\"DOMAINS\",\"later\":true}}");
        ConsoleSettings s = SettingsStore.open(dir).current();
        assertThat(s.theme()).isEqualTo("dark");
        assertThat(s.wizard().step()).isEqualTo("DOMAINS");
    }
}
