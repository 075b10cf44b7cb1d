package app.scimconsole.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.users.UsersViewModel.Sort;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Users view model against a real service (SQLite, the admin API over loopback) whose limit for sorts no index
 * holds is made 100 (10,000 in use): 120 users, of whom a search for "u0" finds 100. A refused sort goes back to the
 * order shown, its rows and page kept, and says why; a narrowed list sorts; a list that no longer qualifies for the
 * sort it shows falls back to the service's order.
 */
class UsersSortRefusalTest {
    private static final int USERS = 120;
    private static final String NOTICE = "Not sorted by Job title: that order is offered only when at most 100 users"
            + " match, because it would read every user for each page. Search, or choose a status or a domain, so that"
            + " at most 100 users match, then click Job title again.";

    @TempDir
    Path data;
    ServiceRuntime runtime;
    AdminApi api;

    @BeforeEach
    void start() throws Exception {
        runtime = ServiceRuntime.start(SqliteDirectory.open(data), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, 4), null, Clock.systemUTC());
        String tenant = runtime.directory().defaultTenantOrCreate().id();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < USERS; i++) {
            ObjectNode doc = json.createObjectNode().put("userName", String.format("u%03d@example.com", i))
                    .put("title", String.format("Title %03d", USERS - i));
            runtime.directory().create(tenant, ResourceType.USER, doc, List.of());
        }
        runtime.core().unindexedSorts().limit(100);
        api = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private static List<String> names(UsersViewModel vm) {
        return vm.rows().stream().map(UserRow::userName).toList();
    }

    @Test
    void aRefusedSortGoesBackToTheOrderAndPageShownAndSaysWhy() {
        TestUi ui = new TestUi();
        UsersViewModel vm = new UsersViewModel(ui.kit, () -> api);
        vm.load();
        vm.next();
        List<String> shown = new ArrayList<>(names(vm));
        String page = vm.query().cursor();
        assertThat(shown).hasSize(20).first().isEqualTo("u100@example.com");

        vm.sort("title", false);
        assertThat(vm.sortProperty().get()).isEqualTo(Sort.NONE);
        assertThat(names(vm)).isEqualTo(shown);
        assertThat(vm.summaryProperty().get()).isEqualTo("101–120 of 120");
        assertThat(vm.query().cursor()).as("a refresh reads the page shown").isEqualTo(page);
        assertThat(vm.sortNoticeProperty().get()).isEqualTo(NOTICE);
        assertThat(vm.problemProperty().get()).isEmpty();

        vm.sort("userName", true);
        assertThat(vm.sortNoticeProperty().get()).as("a sort the service applies").isEmpty();
        assertThat(names(vm)).first().isEqualTo("u119@example.com");
        vm.sort("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", true);
        assertThat(vm.sortProperty().get()).isEqualTo(new Sort("userName", true));
        assertThat(names(vm)).first().isEqualTo("u119@example.com");
        assertThat(vm.sortNoticeProperty().get()).startsWith("Not sorted by Department: ");
    }

    @Test
    void aNarrowedListSortsAndWideningItAgainFallsBackToTheServicesOrder() {
        TestUi ui = new TestUi();
        UsersViewModel vm = new UsersViewModel(ui.kit, () -> api);
        vm.load();
        vm.searchProperty().set("u0");
        ui.scheduler.fire();
        vm.sort("title", false);
        assertThat(vm.sortProperty().get()).isEqualTo(new Sort("title", false));
        assertThat(vm.sortNoticeProperty().get()).isEmpty();
        assertThat(names(vm)).hasSize(100).first().as("the highest number has the first title")
                .isEqualTo("u099@example.com");

        vm.searchProperty().set("");
        ui.scheduler.fire();
        assertThat(vm.sortProperty().get()).isEqualTo(Sort.NONE);
        assertThat(vm.sortNoticeProperty().get()).isEqualTo(NOTICE);
        assertThat(names(vm)).hasSize(100).first().as("creation order").isEqualTo("u000@example.com");
        assertThat(vm.summaryProperty().get()).isEqualTo("1–100 of 120");
    }

    @Test
    void theNoticeIsInTheOwnersLanguage() {
        TestUi ui = new TestUi(Locale.JAPANESE);
        UsersViewModel vm = new UsersViewModel(ui.kit, () -> api);
        vm.load();
        vm.sort("emails.value", false);
        assertThat(vm.sortNoticeProperty().get()).startsWith("「メール」では並べ替えていません。")
                .contains("100 人以下");
    }
}
