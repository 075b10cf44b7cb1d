package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.console.setup.ChecklistViewModel.Deployment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theStepIsDoneOnlyOnceADeploymentIsChosenAndThePublicAddressTicked() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            ChecklistViewModel vm = new ChecklistViewModel(store);
            vm.roleProperty().set(true);
            vm.ownerProperty().set(true);
            vm.dnsProperty().set(true);
            assertThat(vm.completeProperty().get()).isFalse();
            vm.publicAddressProperty().set(true);
            assertThat(vm.completeProperty().get()).as("no deployment chosen yet").isFalse();
            vm.deploymentProperty().set(Deployment.SERVER);
            assertThat(vm.completeProperty().get()).isTrue();
        }
    }

    @Test
    void stepOneNamesThePortTheEmbeddedServiceReallyListensOn() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            ChecklistViewModel vm = new ChecklistViewModel(store);
            assertThat(vm.embeddedPortProperty().get()).as("before it started: the default").isEqualTo("8089");
            vm.embeddedAt("http://127.0.0.1:18089");
            assertThat(vm.embeddedPortProperty().get()).isEqualTo("18089");
            vm.embeddedAt("not a url at all");
            assertThat(vm.embeddedPortProperty().get()).as("nothing to read: the port stays").isEqualTo("18089");
        }
    }

    @Test
    void theDeploymentChoiceSurvivesARestartAndIsOneOfTwo() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            ChecklistViewModel vm = new ChecklistViewModel(store);
            assertThat(vm.deploymentProperty().get()).isNull();
            vm.deploymentProperty().set(Deployment.SERVER);
            vm.deploymentProperty().set(Deployment.EMBEDDED);
        }
        try (SettingsStore store = SettingsStore.open(dir)) {
            assertThat(new ChecklistViewModel(store).deploymentProperty().get()).isEqualTo(Deployment.EMBEDDED);
            assertThat(store.current().wizard().checked()).doesNotContain(ChecklistViewModel.DEPLOY_SERVER);
        }
    }

    @Test
    void theButtonsOpenTheSectionsWhereTheServiceIsSet() {
        StringBuilder opened = new StringBuilder();
        try (SettingsStore store = SettingsStore.open(dir)) {
            ChecklistViewModel vm = new ChecklistViewModel(store, () -> opened.append("connection "),
                    () -> opened.append("settings"));
            vm.openConnection();
            vm.openSettings();
        }
        assertThat(opened).hasToString("connection settings");
    }
}
