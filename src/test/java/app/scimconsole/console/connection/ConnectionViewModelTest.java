package app.scimconsole.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.common.Problems.PlainException;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.CredentialStores;
import app.scimconsole.console.context.MemoryCredentialStore;
import app.scimconsole.console.context.ServiceConnection;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.domains.DnsChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionViewModelTest {
    @TempDir
    Path dir;

    final TestUi ui = new TestUi();
    final List<ConsoleSettings.Connection> opened = new ArrayList<>();
    final ConnectionModel connection = new ConnectionModel(ui.kit, c -> {
        opened.add(c);
        if ("wrong".equals(c.adminCredential())) {
            throw new PlainException("The service refused the admin credential. Check it in Settings.");
        }
        return ServiceConnection.of(c.mode(), new FakeAdminApi(), c.remoteUrl() == null ? "here" : c.remoteUrl(),
                DnsChecker.usingServer("127.0.0.1:53"));
    });

    @Test
    void urlsAreCheckedAsTyped() {
        assertThat(ConnectionViewModel.isHttpUrl("https://scim.example.com/admin/v1")).isTrue();
        assertThat(ConnectionViewModel.isHttpUrl("http://10.0.0.5:8090/admin/v1")).isTrue();
        assertThat(ConnectionViewModel.isHttpUrl("scim.example.com")).isFalse();
        assertThat(ConnectionViewModel.isHttpUrl("ftp://x/")).isFalse();
        assertThat(ConnectionViewModel.isHttpUrl("https://")).isFalse();

        try (SettingsStore store = SettingsStore.open(dir)) {
            urlChecks(new ConnectionViewModel(ui.kit, store, connection, dir));
        }
    }

    private void urlChecks(ConnectionViewModel vm) {
        assertThat(vm.canConnectProperty().get()).isTrue(); // embedded
        vm.modeProperty().set(ConsoleSettings.Mode.REMOTE);
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.remoteUrlProperty().set("scim.example.com");
        assertThat(vm.urlErrorProperty().get()).contains("http://");
        vm.remoteUrlProperty().set("https://scim.example.com/admin/v1");
        assertThat(vm.urlErrorProperty().get()).isNull();
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.credentialProperty().set("secret");
        assertThat(vm.canConnectProperty().get()).isTrue();
    }

    @Test
    void connectingRemembersTheChoiceAndReportsFailuresPlainly() {
        SettingsStore store = SettingsStore.open(dir);
        ConnectionViewModel vm = new ConnectionViewModel(ui.kit, store, connection, dir);
        vm.modeProperty().set(ConsoleSettings.Mode.REMOTE);
        vm.remoteUrlProperty().set("https://scim.example.com/admin/v1");
        vm.credentialProperty().set("wrong");
        vm.connect();
        // Nothing worked before: the failure is the state, and the choice that failed is not remembered.
        assertThat(connection.stateProperty().get()).isEqualTo(ConnectionModel.State.FAILED);
        assertThat(connection.problemProperty().get()).contains("refused the admin credential");
        assertThat(store.current().connection().mode()).isEqualTo(ConsoleSettings.Mode.EMBEDDED);

        vm.credentialProperty().set("right");
        vm.connect();
        assertThat(connection.stateProperty().get()).isEqualTo(ConnectionModel.State.CONNECTED);
        assertThat(connection.descriptionProperty().get()).isEqualTo("Remote service · https://scim.example.com/admin/v1");
        assertThat(store.current().connection().adminCredential()).isEqualTo("right");

        // A working connection is kept when a change fails: still connected, nothing saved, the failure said.
        vm.credentialProperty().set("wrong");
        vm.connect();
        assertThat(connection.stateProperty().get()).isEqualTo(ConnectionModel.State.CONNECTED);
        assertThat(connection.descriptionProperty().get()).isEqualTo("Remote service · https://scim.example.com/admin/v1");
        assertThat(connection.changeProblemProperty().get()).contains("refused the admin credential", "Nothing was changed");
        assertThat(store.current().connection().adminCredential()).isEqualTo("right");
        assertThat(ui.status.textProperty().get()).startsWith("Still connected: Remote service");
        connection.dismissChangeProblem();
        assertThat(connection.changeProblemProperty().get()).isEmpty();
        vm.credentialProperty().set("right");

        vm.modeProperty().set(ConsoleSettings.Mode.EMBEDDED);
        vm.connect();
        assertThat(opened.get(opened.size() - 1).mode()).isEqualTo(ConsoleSettings.Mode.EMBEDDED);
        assertThat(connection.descriptionProperty().get()).startsWith("Embedded service");
        store.close(); // the background writer is done before the temp folder is deleted
    }

    @Test
    void theCredentialKeptInTheStoreFillsTheFieldAndThePageSaysWhere() throws Exception {
        MemoryCredentialStore keyring = new MemoryCredentialStore(true);
        try (SettingsStore store = SettingsStore.open(dir, () -> CredentialStores.Selection.of(keyring))) {
            ConnectionViewModel vm = new ConnectionViewModel(ui.kit, store, connection, dir);
            assertThat(vm.credentialPlaceProperty().get()).isEqualTo("The admin credential is kept in your desktop’s "
                    + "keyring (Secret Service), not in console.json.");
            vm.modeProperty().set(ConsoleSettings.Mode.REMOTE);
            vm.remoteUrlProperty().set("https://scim.example.com/admin/v1");
            vm.credentialProperty().set("right");
            vm.connect();
            store.flush();
        }
        assertThat(Files.readString(dir.resolve(SettingsStore.FILE))).contains("REMOTE").doesNotContain("right");

        // The next start: the page fills the field from the store.
        try (SettingsStore store = SettingsStore.open(dir, () -> CredentialStores.Selection.of(keyring))) {
            ConnectionViewModel vm = new ConnectionViewModel(ui.kit, store, connection, dir);
            assertThat(vm.credentialProperty().get()).isEqualTo("right");
            assertThat(vm.canConnectProperty().get()).isTrue();
        }
    }
}
