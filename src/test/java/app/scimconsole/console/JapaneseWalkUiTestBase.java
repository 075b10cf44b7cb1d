package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.testing.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the Japanese console and fails on any text that is not Japanese from its bundle (values and a few product
 * words aside, see {@link JapaneseJudge}). Every screen is saved as {@code target/screenshots/ja-walk-<screen>.png},
 * and every text read, with its verdict, goes to {@code target/screenshots/ja-walk-<test>.txt}. The console and its
 * embedded service run on a clock the walk can move forward.
 */
abstract class JapaneseWalkUiTestBase extends ConsoleUiTestBase {
    final JapaneseJudge judge = JapaneseJudge.ofConsoleBundle();
    final ManualClock clock = ManualClock.shiftedFromNow();
    /** Per screen, the texts that are not Japanese from the bundle. */
    final Map<String, List<String>> english = new LinkedHashMap<>();
    final List<String> report = new ArrayList<>();

    @Override
    Clock clock() {
        return clock;
    }

    @Override
    Locale locale() {
        return Locale.JAPANESE;
    }

    @AfterEach
    void writeReport() throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("ja-walk-" + testName + ".txt"), report, StandardCharsets.UTF_8);
    }

    /** Values the test gives the service: shown as they are, in any language. */
    void people(String... values) {
        judge.withValues(values);
    }

    // ---- moving about: as a click or typing would, without moving the mouse there (what is walked is the texts) ----

    /** Presses a button, a check box, a radio button or a section's button. */
    void fire(String query) {
        ButtonBase b = node(query);
        reveal(b);
        fx(() -> {
            b.fire();
            settle();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Styles and lays out the window now, as the next pulse would: a page just shown has no skins yet, and without its
     * skin a split pane has no children to find its table among. FX thread.
     */
    void settle() {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        root.layout();
    }

    /** Shows a wizard step, as choosing it in the stepper does. */
    void show(StepId step) {
        ListView<StepId> stepper = node("#stepper");
        fx(() -> {
            stepper.getSelectionModel().select(step);
            settle();
            return null;
        });
        waitUntil("step " + step + " is shown", () -> stepper.getSelectionModel().getSelectedItem() == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts text in a field, as typing it does. */
    void type(String query, String text) {
        TextInputControl field = node(query);
        fx(() -> {
            field.setText(text);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- judging ---------------------------------------------------------------------------------------------------

    /** Saves the window and judges every text on screen. */
    void screen(String name) {
        shot("ja-walk-" + name);
        judgeScreen(name);
    }

    void judgeScreen(String name) {
        List<VisibleTexts.Seen> seen = fx(VisibleTexts::onScreen);
        Set<String> judged = new LinkedHashSet<>();
        report.add("== " + name);
        for (VisibleTexts.Seen s : seen) {
            if (!judged.add(s.text())) {
                continue;
            }
            var rest = judge.unexplained(s.text());
            report.add((rest.isPresent() ? "NOT JAPANESE  " : "ok  ") + oneLine(s.text()) + "    @ " + s.where());
            rest.ifPresent(r -> english.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("«" + oneLine(s.text()) + "» at " + s.where()
                            + (r.equals(s.text()) ? "" : " (from «" + oneLine(r) + "»)")));
        }
    }

    void assertAllJapanese() {
        StringBuilder b = new StringBuilder();
        english.forEach((screen, texts) -> {
            b.append("\n").append(screen).append(":");
            texts.forEach(t -> b.append("\n    ").append(t));
        });
        assertThat(english).as("texts that are not Japanese from the bundle, by screen:" + b).isEmpty();
    }

    static String oneLine(String s) {
        String flat = s.replace("\n", "⏎");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    AdminApi api() {
        return ctx().connection().api();
    }
}
