package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.Dialogs;
import app.scimconsole.console.common.WholeText;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.admin.AdminApi.UserRow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 13 and 14 on the real screens at the default size (1120×800): no text is cut without its whole value
 * in a tooltip, and in the dark theme every surface is readable and belongs to the console's design (placeholders, the
 * selected row, the confirmation's default button, the expandable panels, the dialogs).
 */
class WholeTextAndThemeUiTest extends ConsoleUiTestBase {
    static final String LONG_NAME = "Maximilian Alexander von Hohenberg-Liechtenstein-Wittelsbach zu Schwarzenfeld";
    static final String LONG_TITLE = "Principal Staff Software Engineer, Identity Platform and Directory Synchronisation";

    @Test
    void aLongLockedValueIsWholeInItsTooltipAndAStepsTextIsNeverCutSilently() throws Exception {
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        entra.created(ScimClient.user("max@testuser.com", LONG_NAME, LONG_TITLE, "Engineering"));
        assertThat(fx(() -> stage.getWidth())).isEqualTo(1120.0);

        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the user is listed", () -> users.getItems().size() == 1);
        selectRow(users, "max@testuser.com");
        waitUntil("the details are shown", () -> text("#detailUserName").equals("max@testuser.com"));
        TextField name = node("#displayNameField");
        waitUntil("the long name is cut by its field", () -> fx(() -> WholeText.cut(name)));
        assertThat(fx(() -> name.getTooltip().getText())).as("the whole value first, then why it is locked")
                .startsWith(LONG_NAME).contains("Microsoft Entra ID");
        assertThat(fx(() -> name.isEditable())).isFalse();
        TextField title = node("#titleField");
        assertThat(fx(() -> title.getTooltip().getText())).startsWith(LONG_TITLE);
        assertThat(cutWithoutTooltip()).isEmpty();

        everyViewAndStepWhole("en");

        // The same in Japanese, whose words are wider.
        restartInJapanese();
        everyViewAndStepWhole("ja");
    }

    private void everyViewAndStepWhole(String language) throws Exception {
        press("#nav-setup");
        for (StepId step : List.of(StepId.BEFORE, StepId.ENABLE, StepId.ENTRA, StepId.DOMAINS, StepId.PROVISIONING)) {
            goTo(step);
            assertThat(cutWithoutTooltip()).as(language + " " + step.name()).isEmpty();
        }
        for (String view : DirectoryUiTest.VIEWS) {
            press("#nav-" + view);
            assertThat(cutWithoutTooltip()).as(language + " " + view).isEmpty();
        }
        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the user is listed", () -> users.getItems().size() == 1);
        selectRow(users, "max@testuser.com");
        waitUntil("the details are shown", () -> text("#detailUserName").equals("max@testuser.com"));
        assertThat(cutWithoutTooltip()).as(language + " user detail").isEmpty();
        shot("whole-text-users-long-name-" + language);
    }

    @Test
    void theDarkThemeIsReadableAndTheConfirmationAndPanelsBelongToIt() {
        press("#nav-settings");
        press("#darkRadio");
        waitUntil("the dark palette is on", () -> stage.getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("console-dark.css")));

        // A placeholder is readable on its field.
        press("#nav-users");
        TextField search = node("#searchField");
        assertThat(fx(() -> search.getPromptText())).isNotEmpty();
        Text prompt = fx(() -> (Text) search.lookupAll(".text").stream().filter(n -> n instanceof Text t
                && search.getPromptText().equals(t.getText())).findFirst().orElseThrow());
        assertThat(contrast(fx(() -> (Color) prompt.getFill()), background(search)))
                .as("placeholder on its field").isGreaterThan(3.0);

        // The selected row: its text on its background.
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        verifyInService("testuser.com");
        new ScimClient(c.tenantUrl(), c.secretToken())
                .created(ScimClient.user("alice@testuser.com", "Alice Example", "Engineer", "Engineering"));
        ctx().overview().refresh();
        press("#nav-overview");
        press("#nav-users");
        TableView<UserRow> users = node("#table");
        waitUntil("the user is listed", () -> users.getItems().size() == 1);
        selectRow(users, "alice@testuser.com");
        TableRow<?> row = fx(() -> (TableRow<?>) users.lookupAll(".table-row-cell").stream()
                .filter(n -> ((TableRow<?>) n).isSelected()).findFirst().orElseThrow());
        Text cellText = fx(() -> (Text) row.lookupAll(".text").stream().filter(n -> n instanceof Text t
                && "alice@testuser.com".equals(t.getText())).findFirst().orElseThrow());
        assertThat(contrast(fx(() -> (Color) cellText.getFill()), background(row))).as("selected row").isGreaterThan(4.5);
        shot("dark-users-selected-row");

        // The expandable panel is a card, not Modena's grey.
        press("#nav-domains");
        TitledPane zone = node("#zonePane");
        Region title = fx(() -> (Region) zone.lookup(".title"));
        Region card = fx(() -> (Region) stage.getScene().getRoot().lookupAll(".card").iterator().next());
        assertThat(background(title)).as("the panel's title is the card's surface").isEqualTo(background(card));

        // The confirmation: the console's stylesheets and theme, its default button readable.
        press("#nav-setup");
        goTo(StepId.ENABLE);
        waitUntil("enabled", () -> node("#credentialsCard").isVisible());
        push(KeyCode.ALT, KeyCode.G);
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        DialogPane pane = fx(() -> (DialogPane) lookup(".dialog-pane").query());
        assertThat(fx(() -> List.copyOf(pane.getStyleClass()))).contains(Dialogs.STYLE, Dialogs.DARK);
        assertThat(fx(() -> pane.getStylesheets().stream().anyMatch(s -> s.endsWith("console-dark.css")))).isTrue();
        assertThat(background(pane)).as("the dialog is the dark surface").isEqualTo(background(card));
        // Its window is that surface from the start too, not white until its first frame.
        assertThat(fx(() -> pane.getScene().getFill())).as("the dialog's scene fill").isEqualTo(background(pane));
        Button cancel = fx(() -> (Button) lookup("#cancelButton").query());
        assertThat(fx(cancel::isDefaultButton)).isTrue();
        assertThat(contrast(fx(() -> (Color) cancel.getTextFill()), background(cancel)))
                .as("the default button's text on it").isGreaterThan(4.5);
        shotOf(cancel, "dark-regenerate-confirmation");
        push(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> lookup("#confirmButton").tryQuery().isEmpty());
    }

    /** Every visible label shortened by its skin, or text field too narrow for its value, without the whole text. */
    List<String> cutWithoutTooltip() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        pause(200);
        return fx(() -> {
            List<String> out = new ArrayList<>();
            walk(stage.getScene().getRoot(), out);
            return out;
        });
    }

    private void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Text shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).map(c -> (Text) c)
                    .findFirst().orElse(null);
            if (shown != null && !WholeText.plain(l).equals(shown.getText()) && !whole(l.getTooltip(), WholeText.plain(l))) {
                out.add(l.getClass().getSimpleName() + " " + l.getId() + ": " + shown.getText() + " (" + l.getText() + ")");
            }
        }
        if (n instanceof TextField f && !(f instanceof javafx.scene.control.PasswordField) && f.getText() != null
                && !f.getText().isEmpty() && WholeText.cut(f) && !whole(f.getTooltip(), f.getText())) {
            out.add("TextField " + f.getId() + ": " + f.getText());
        }
        // A text field's own parts (the "…" a read-only field shows for a cut value) are its value: checked above.
        if (n instanceof Parent p && !(n instanceof TextField)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    private static boolean whole(javafx.scene.control.Tooltip t, String text) {
        return t != null && t.getText() != null && t.getText().contains(text);
    }

    Color background(Region r) {
        return fx(() -> {
            Paint p = r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill();
            return p instanceof javafx.scene.paint.LinearGradient g ? g.getStops().get(g.getStops().size() - 1).getColor()
                    : (Color) p;
        });
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
