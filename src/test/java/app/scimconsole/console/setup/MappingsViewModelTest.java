package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.console.setup.MappingsViewModel.RowState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingsViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final OverviewModel overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
    final MappingsViewModel vm = new MappingsViewModel(ui.kit, overview);

    void coverage(MappingCoverage c, List<String> rejected) {
        api.overview = FakeAdminApi.overview(true, null, null, c, rejected);
        overview.refresh();
    }

    @Test
    void thereAreTheFiveRequiredMappingsInEntrasOrder() {
        assertThat(vm.rows()).extracting(r -> r.mapping().entraAttribute())
                .containsExactly("userPrincipalName", "displayName", "jobTitle", "mail", "department");
        assertThat(vm.rows().get(3).mapping().scimAttribute()).isEqualTo("emails[type eq \"work\"].value");
        assertThat(vm.rows().get(4).mapping().scimAttribute())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
    }

    @Test
    void withoutUsersTheTableWaits() {
        coverage(new MappingCoverage(0, 0, 0, 0, 0, 0), List.of());
        assertThat(vm.rows()).allMatch(r -> r.stateProperty().get() == RowState.WAITING);
        assertThat(vm.summaryProperty().get()).isEqualTo(MappingsViewModel.Summary.WAITING);
        assertThat(vm.rows().get(0).countProperty().get()).isEqualTo("no users yet");
    }

    @Test
    void anAttributeNoUserCarriesLooksUnmapped() {
        coverage(new MappingCoverage(4, 4, 4, 2, 4, 0), List.of());
        assertThat(vm.rows()).extracting(r -> r.stateProperty().get())
                .containsExactly(RowState.MAPPED, RowState.MAPPED, RowState.PARTIAL, RowState.MAPPED, RowState.MISSING);
        assertThat(vm.rows().get(2).countProperty().get()).isEqualTo("2 of 4");
        assertThat(vm.rows().get(2).noteProperty().get()).startsWith("2 users have no value");
        assertThat(vm.rows().get(4).noteProperty().get()).contains("Looks unmapped").contains("department");
        assertThat(vm.summaryProperty().get()).isEqualTo(MappingsViewModel.Summary.SOME_MISSING);
        assertThat(vm.summaryTextProperty().get()).contains("department");
        assertThat(vm.notes()).extracting(MappingsViewModel.Note::state).containsExactly(RowState.MISSING, RowState.PARTIAL);
    }

    @Test
    void whenEveryAttributeArrivesAllIsWell() {
        coverage(new MappingCoverage(1, 1, 1, 1, 1, 1), List.of());
        assertThat(vm.summaryProperty().get()).isEqualTo(MappingsViewModel.Summary.ALL_MAPPED);
        assertThat(vm.summaryTextProperty().get()).isEqualTo("All five mappings arrive (1 user).");
        assertThat(vm.rows().get(0).noteProperty().get()).isEqualTo("Arrives for everyone.");
    }

    @Test
    void peopleRefusedForUnverifiedDomainsAreNamed() {
        coverage(new MappingCoverage(0, 0, 0, 0, 0, 0), List.of("example.org", "example.net"));
        assertThat(vm.rejectedTextProperty().get()).contains("example.org, example.net").contains("step 4");
    }
}
