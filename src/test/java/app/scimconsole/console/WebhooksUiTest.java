package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.webhooks.WebhookRow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The Webhooks section against the real embedded service: an endpoint added in the console is on the service with
 * the secret shown once (and copied as shown); its health is listed; a replay beyond the newest event is refused in
 * words; a new secret is shown after asking; removal asks first. The Japanese twin runs the same walk in Japanese.
 */
class WebhooksUiTest extends ConsoleUiTestBase {
    static final String URL = "https://203.0.113.10/hook";

    String t(String key, Object... args) {
        return ctx().i18n().text(key, args);
    }

    /** Scrolls the field into view, then replaces what it holds with {@code text}, as the owner types it. */
    void typeInto(String query, String text) {
        Node field = node(query);
        reveal(field);
        clickOn(field);
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
    }

    @Test
    void startedOnTheWebhooksViewItListsTheEndpointsOnceTheServiceIsConnected() throws Exception {
        press("#nav-webhooks");
        runtime().admin().addWebhook(URL, List.of());
        ctx().settings().flush();
        close();
        launch(); // the last view is shown before the embedded service is up; the connection must make it read again

        ListView<WebhookRow> list = node("#endpointList");
        waitUntil("the endpoint is listed", () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).url()).isEqualTo(URL);
        waitUntil("no 'not connected' is left", () -> !node("#note").isVisible());
    }

    @Test
    void theOwnerAddsReplaysRotatesAndRemovesAnEndpoint() {
        press("#nav-webhooks");
        waitUntil("the empty list says how to start", () -> node("#emptyLabel").isVisible());

        typeInto("#urlField", URL);
        typeInto("#eventsField", "user.created, group.deleted");
        press("#addButton");
        waitUntil("the secret is shown once", () -> node("#issuedBox").isVisible()
                && !text("#issuedSecretField").isEmpty());
        String secret = text("#issuedSecretField");
        assertThat(secret).startsWith("whsec_");
        List<AdminApi.WebhookEntry> onService = runtime().admin().webhooks();
        assertThat(onService).singleElement().satisfies(w -> {
            assertThat(w.url()).isEqualTo(URL);
            assertThat(w.events()).containsExactly("user.created", "group.deleted");
        });
        press("#copySecretButton");
        waitUntil("the secret is copied", () -> secret.equals(clipboard()));

        ListView<WebhookRow> list = node("#endpointList");
        waitUntil("the endpoint is listed", () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).state()).isEqualTo(t("webhooks.state.healthy"));
        shot("webhooks-" + locale().getLanguage() + "-1-added");

        fx(() -> {
            list.getSelectionModel().select(0);
            return null;
        });
        typeInto("#cursorField", "99");
        press("#replayButton");
        waitUntil("the refusal is told in words", () -> text("#note").equals(t("reason.admin.webhook.cursorBeyondNewest",
                "99", "0")));
        typeInto("#cursorField", "0");
        press("#replayButton");
        waitUntil("the replay is told", () -> text("#note").startsWith(URL));
        shot("webhooks-" + locale().getLanguage() + "-2-replayed");

        press("#rotateButton");
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        clickOn((Node) node("#confirmButton"));
        waitUntil("a new secret is shown", () -> !text("#issuedSecretField").equals(secret)
                && text("#issuedSecretField").startsWith("whsec_"));
        shot("webhooks-" + locale().getLanguage() + "-3-rotated");

        press("#removeButton");
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        clickOn((Node) node("#confirmButton"));
        waitUntil("the endpoint is gone", () -> list.getItems().isEmpty());
        assertThat(runtime().admin().webhooks()).isEmpty();
    }
}
