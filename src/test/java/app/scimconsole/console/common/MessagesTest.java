package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.client.ConnectionTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Japanese bundles match, their patterns parse, and every %key the FXML uses exists. */
class MessagesTest {
    static final Path RESOURCES = Path.of("src/main/resources/app/scimconsole/console");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/app/scimconsole/console/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void japaneseHasEveryEnglishKeyAndNoOthers() throws IOException {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        assertThat(new TreeSet<>(ja.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void patternsParseAndTakeTheSameArguments() throws IOException {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String j = ja.getProperty(key);
            if (!e.contains("{0")) {
                continue;
            }
            MessageFormat fe = new MessageFormat(e, Locale.ENGLISH);
            MessageFormat fj = new MessageFormat(j, Locale.JAPANESE);
            assertThat(fj.getFormatsByArgumentIndex().length).as(key).isEqualTo(fe.getFormatsByArgumentIndex().length);
            assertThat(e).as(key + " uses ’ rather than a quote MessageFormat would eat").doesNotContain("'");
        }
    }

    @Test
    void japaneseIsReallyJapanese() {
        I18n ja = I18n.forLocale(Locale.JAPANESE);
        assertThat(ja.text("step.domains.title")).isEqualTo("メールドメインを証明する");
        assertThat(ja.text("time.minutesAgo", 3)).isEqualTo("3分前");
        assertThat(I18n.forLocale(Locale.GERMAN).text("step.domains.title")).isEqualTo("Prove your e-mail domains");
    }

    @Test
    void namesReadAloudHaveNoMnemonic() {
        assertThat(I18n.forLocale(Locale.JAPANESE).withoutMnemonic("enable.secretToken")).isEqualTo("シークレット トークン");
        assertThat(I18n.forLocale(Locale.ENGLISH).withoutMnemonic("enable.secretToken")).isEqualTo("Secret token");
    }

    @Test
    void everyConnectionTestOutcomeIsSaid() throws IOException {
        Properties en = load("messages.properties");
        assertThat(ConnectionTest.SAID).allSatisfy(code -> assertThat(en).containsKey("reason." + code));
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
