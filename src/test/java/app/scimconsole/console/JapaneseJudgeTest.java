package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.ReasonFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The judge the Japanese walk relies on: what it lets through, and that English never gets through. */
class JapaneseJudgeTest {
    final JapaneseJudge judge = JapaneseJudge.ofConsoleBundle().withValues("Alice Example", "山田 花子");

    @Test
    void everyJapaneseTextPassesWithValuesAsItsArguments() {
        Properties ja = JapaneseJudge.consoleBundle("messages_ja.properties");
        List<String> refused = new ArrayList<>();
        for (String key : ja.stringPropertyNames()) {
            String text = shown(ja.getProperty(key));
            if (!judge.accepts(text)) {
                refused.add(key + ": " + text);
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void englishSentencesFail() {
        assertThat(judge.unexplained("Nothing answered at 127.0.0.1:9. Is the service running?"))
                .contains("Nothing answered at 127.0.0.1:9. Is the service running?");
        assertThat(judge.accepts("Prove your e-mail domains")).isFalse();
        assertThat(judge.accepts("Pending")).isFalse();
        // the English bundle, where it differs from the Japanese one, is refused nearly everywhere
        Properties en = JapaneseJudge.consoleBundle("messages.properties");
        Properties ja = JapaneseJudge.consoleBundle("messages_ja.properties");
        long different = 0;
        long passed = 0;
        for (String key : en.stringPropertyNames()) {
            if (!en.getProperty(key).equals(ja.getProperty(key))) {
                different++;
                if (judge.accepts(en.getProperty(key))) {
                    passed++;
                }
            }
        }
        assertThat(different).isGreaterThan(300);
        assertThat(passed).as("English texts taken for Japanese").isLessThan(different / 50);
    }

    @Test
    void englishInsideAJapanesePatternsArgumentFails() {
        String pattern = bundleText("reason.activity.wrongToken");
        assertThat(judge.accepts(MessageFormat.format(pattern, "GET Users"))).isTrue();
        String withEnglish = MessageFormat.format(pattern, "the token was rotated yesterday");
        assertThat(judge.unexplained(withEnglish)).hasValueSatisfying(rest -> assertThat(rest).startsWith("the token"));
        assertThat(judge.accepts(MessageFormat.format(bundleText("problem.io"), "No such file or directory"))).isFalse();
        assertThat(judge.accepts(MessageFormat.format(bundleText("problem.io"), "/tmp/data/console.json"))).isTrue();
    }

    @Test
    void concatenationsOfBundleTextsAndValuesPass() {
        assertThat(judge.accepts("✓ " + bundleText("enable.copiedUrl"))).isTrue();
        assertThat(judge.accepts("2026/03/02 9:05 (" + MessageFormat.format(bundleText("time.minutesAgo"), 3) + ")"))
                .isTrue();
        assertThat(judge.accepts(MessageFormat.format(bundleText("reason.connectionTest.nothingAnswers"), "127.0.0.1", "9")))
                .isTrue();
        assertThat(judge.accepts(MessageFormat.format(bundleText("enable.tokenCreated"), "9:05",
                bundleText("enable.tokenNeverUsed")))).isTrue();
    }

    @Test
    void valuesPassAndOnlyWhole() {
        assertThat(judge.accepts("alice@testuser.com")).isTrue();
        assertThat(judge.accepts("_scim-console-challenge.example.org")).isTrue();
        assertThat(judge.accepts("scim-console-verification=9f8e7d6c5b4a3f2e1d0c")).isTrue();
        assertThat(judge.accepts("http://127.0.0.1:8089/scim/v2/2c1b0b3e")).isTrue();
        assertThat(judge.accepts("/tmp/junit123/data")).isTrue();
        assertThat(judge.accepts("2026-03-02T09:05:00Z")).isTrue();
        assertThat(judge.accepts("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isTrue();
        assertThat(judge.accepts("{\"userName\": \"alice@testuser.com\", \"active\": true}")).isTrue();
        assertThat(judge.accepts("Alice Example")).isTrue();
        assertThat(judge.accepts("山田 花子")).isTrue();
        assertThat(judge.accepts("userPrincipalName → userName")).isTrue();
        assertThat(judge.accepts("title, department")).isTrue();
        assertThat(judge.accepts("Engineering: 2 members")).isFalse();
        assertThat(judge.withValues("Engineering").accepts("Engineering: 2 members")).isFalse();
        assertThat(judge.accepts("SCIM · DNS · TXT · OK")).isTrue();
        assertThat(judge.accepts("Alice Exampled")).isFalse();
        assertThat(judge.accepts("SCIMs")).isFalse();
        assertThat(judge.accepts("Bob Example")).isFalse();
        assertThat(judge.accepts("山田 太郎")).isFalse();
        assertThat(judge.accepts("{\"userName\": broken")).isFalse();
    }

    @Test
    void numberAndChoiceArgumentsAreUnderstood() {
        JapaneseJudge j = JapaneseJudge.of(Map.of(
                "count", "{0,number,integer} 人のユーザー",
                "found", "{0,choice,0#見つかりません|1#1 件見つかりました|1<{0,number,integer} 件見つかりました}"));
        assertThat(j.accepts(MessageFormat.format("{0,number,integer} 人のユーザー", 12345))).isTrue();
        assertThat(j.accepts("見つかりません")).isTrue();
        assertThat(j.accepts("1 件見つかりました")).isTrue();
        assertThat(j.accepts("1,234 件見つかりました")).isTrue();
        assertThat(j.accepts("many 件見つかりました")).isFalse();
        assertThat(j.accepts("見つかりましたか")).isFalse();
    }

    /** As the console shows a bundle text: formatted, unless it is no pattern (a code block with braces). */
    /**
     * As the console shows a bundle text, with a sample value of each argument's kind (a number, an instant, else a
     * domain or a URL), or as written when it is no pattern (a code block with braces).
     */
    static String shown(String pattern) {
        Format[] kinds;
        try {
            kinds = new MessageFormat(pattern, Locale.JAPANESE).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException notAPattern) {
            return pattern;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            args.add(kinds[i] instanceof NumberFormat ? "12" : kinds[i] instanceof DateFormat ? "2026-03-02T09:05:00Z"
                    : i % 2 == 0 ? "example.org" : "https://scim.example.com/scim/v2/t1");
        }
        return ReasonFormat.format(pattern, Locale.JAPANESE, args, t -> "2026/03/02 18:05");
    }

    static String bundleText(String key) {
        return JapaneseJudge.consoleBundle("messages_ja.properties").getProperty(key);
    }
}
