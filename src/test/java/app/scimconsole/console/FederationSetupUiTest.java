package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.OAuthConnectionTest;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.setup.StepId;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/**
 * Setup step 2 with workload identity federation, walked in the real console on its embedded service: the owner
 * chooses the method, types what Entra shows (a wrong tenant ID first, which is said plainly), adds the trust, sees
 * Entra's fields, copies one, runs the honest Test connection, reads step 3 for this method, and removes the trust
 * after confirming. {@link JapaneseFederationSetupUiTest} walks it in Japanese.
 */
class FederationSetupUiTest extends ConsoleUiTestBase {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    I18n i18n() {
        return I18n.forLocale(locale());
    }

    String said(String code, Object... args) {
        return new TestUi(locale()).kit.reasons().text(Reason.of(code, args));
    }

    void type(String query, String text) {
        TextInputControl field = node(query);
        reveal(field);
        clickOn(field).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        push(KeyCode.BACK_SPACE);
        write(text);
        waitUntil(query + " holds what was typed", () -> field.getText().equals(text));
    }

    @Test
    void addATrustCopyItsFieldsTestItAndRemoveIt() {
        goTo(StepId.ENABLE);
        waitUntil("the service's state is read", () -> node("#enableCard").isVisible());
        press("#enableButton");
        waitUntil("the app is enabled", () -> node("#methodCard").isVisible());
        press("#method-FEDERATION");
        waitUntil("the federation pane is shown", () -> node("#federationPane").isVisible());
        assertThat(node("#secretTokenPane").isVisible()).isFalse();
        assertThat(node("#oauthPane").isVisible()).isFalse();
        assertThat(node("#testFederationGrid").isVisible()).isTrue();
        assertThat(node("#testOAuthGrid").isVisible()).isFalse();
        assertThat(text("#testLead")).isEqualTo(i18n().text("federation.test.lead"));
        assertThat(node("#federationGrid").isVisible()).as("no trust yet").isFalse();
        waitUntil("the service keeps the choice",
                () -> AdminApi.METHOD_FEDERATION.equals(ctx().overview().get().authMethod()));

        type("#entraTenantField", "contoso.onmicrosoft.com");
        type("#subjectField", "4c6c5d0e-8a5f-4a8e-9d0e-3f1f2f3f4f5f");
        type("#audienceField", "api://b5ba7a93-4452-4522-aeb4-a2b5da870c16/.default");
        press("#addTrustButton");
        waitUntil("the wrong tenant ID is said", () -> node("#federationProblemBox").isVisible());
        assertThat(text("#federationProblem")).isEqualTo(i18n().text("federation.invalid.tenant"));
        shotAt("#methodCard", "federation-" + locale().getLanguage() + "-1-wrong-tenant");

        type("#entraTenantField", TENANT);
        press("#addTrustButton");
        waitUntil("the trust is added", () -> !text("#federationClientIdField").isEmpty());
        assertThat(node("#federationProblemBox").isVisible()).isFalse();
        assertThat(text("#federationEndpointField")).endsWith("/oauth2/v1/" + tenantId() + "/token");
        assertThat(text("#federationClientIdField")).startsWith("wif-");
        assertThat(node("#federationWhere").isVisible()).isTrue();
        assertThat(text("#tenantUrlField")).endsWith("/scim/v2/" + tenantId());
        VBox trusts = node("#trustList");
        waitUntil("the trust is listed", () -> trusts.getChildren().size() == 1);
        assertThat(ctx().overview().get().federationTrusts().get(0).entraTenant()).isEqualTo(TENANT);
        shotAt("#methodCard", "federation-" + locale().getLanguage() + "-2-trust-added");

        press("#copyFederationClientIdButton");
        assertThat(clipboard()).isEqualTo(text("#federationClientIdField"));
        assertThat(text("#copyFederationClientIdButton")).isEqualTo(i18n().text("common.copied"));
        assertThat(text("#testFederationClientIdField")).isEqualTo(text("#federationClientIdField"));
        assertThat(text("#testFederationEndpointField")).isEqualTo(text("#federationEndpointField"));

        press("#testButton");
        String ready = said(OAuthConnectionTest.SAID_FEDERATION_READY);
        waitUntil("the test says what it checked", () -> text("#testResult").startsWith(ready));
        assertThat(text("#testResult")).endsWith(i18n().text("federation.test.notUsedYet"));
        shotAt("#testCard", "federation-" + locale().getLanguage() + "-3-test");

        goTo(StepId.ENTRA);
        waitUntil("step 3 says what to pick and paste for federation",
                () -> text("#credentialsClick").equals(i18n().text("entra.click3.FEDERATION")));
        goTo(StepId.ENABLE);

        press(".remove-trust");
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "federation-" + locale().getLanguage() + "-4-remove-confirmation");
        clickOn((javafx.scene.Node) node("#confirmButton"));
        waitUntil("the trust is gone", () -> trusts.getChildren().isEmpty());
        waitUntil("Entra's fields are hidden", () -> !node("#federationGrid").isVisible());
        assertThat(runtime().admin().federationTrusts()).isEmpty();
    }
}
