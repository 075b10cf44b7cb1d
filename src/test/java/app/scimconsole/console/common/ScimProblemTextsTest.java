package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.scim.ScimProblem;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SCIM problem can be said in the console, in English and in Japanese ({@code scim.problem.<CODE>}), with the
 * arguments the problem carries: each text uses exactly the placeholders of the wire's English template.
 */
class ScimProblemTextsTest {
    private static final String PREFIX = "reason.scim.problem.";
    private static Properties en;
    private static Properties ja;

    @BeforeAll
    static void load() throws IOException {
        en = MessagesTest.load("messages.properties");
        ja = MessagesTest.load("messages_ja.properties");
    }

    @SuppressWarnings("removal")
    static List<ScimProblem> coded() {
        return Arrays.asList(ScimProblem.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coded")
    void bothLanguagesSayItWithTheSameArguments(ScimProblem problem) {
        Set<Integer> wire = placeholders(problem.english(markers(problem.arity() + 1)), problem.arity() + 1);
        assertThat(wire).as("the English template of " + problem).isEqualTo(indices(problem.arity()));
        for (Properties bundle : List.of(en, ja)) {
            String text = bundle.getProperty(PREFIX + problem.name());
            assertThat(text).as(problem + " in " + (bundle == en ? "English" : "Japanese")).isNotBlank();
            Locale locale = bundle == en ? Locale.ENGLISH : Locale.JAPANESE;
            String said = new MessageFormat(text, locale).format(markers(problem.arity() + 1).toArray());
            assertThat(placeholders(said, problem.arity() + 1)).as(problem + ": " + text).isEqualTo(wire);
            assertThat(said).as(problem + ": nothing left unformatted").doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void japaneseTextsAreJapanese() {
        for (ScimProblem problem : coded()) {
            String text = ja.getProperty(PREFIX + problem.name());
            assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA))
                    .as(problem + ": " + text).isTrue();
        }
    }

    @Test
    void noTextForACodeThatDoesNotExist() {
        Set<String> codes = coded().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>();
        for (Properties bundle : List.of(en, ja)) {
            bundle.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                    .map(k -> k.substring(PREFIX.length())).filter(c -> !codes.contains(c)).forEach(stale::add);
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void theConsoleSaysARejectionFromItsCodeAndArguments() {
        I18n japanese = I18n.forLocale(Locale.JAPANESE);
        assertThat(japanese.text(PREFIX + ScimProblem.DOMAIN_NOT_VERIFIED.name(), "example.org"))
                .startsWith("メール ドメイン example.org は").contains("[ドメイン] で example.org を登録");
        assertThat(I18n.forLocale(Locale.ENGLISH).text(PREFIX + ScimProblem.VALUE_TAKEN.name(), "userName", "a@x"))
                .isEqualTo("userName “a@x” is already taken.");
    }

    /** One marker an argument, one more than the problem takes, so that a stray higher placeholder shows. */
    private static List<String> markers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "⟦" + i + "⟧").toList();
    }

    private static Set<Integer> placeholders(String said, int count) {
        return IntStream.range(0, count).filter(i -> said.contains("⟦" + i + "⟧")).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> indices(int arity) {
        return IntStream.range(0, arity).boxed().collect(Collectors.toCollection(TreeSet::new));
    }
}
