package app.scimconsole.cli;

import static app.scimconsole.testing.ReasonPatterns.assertTakesItsArguments;
import static app.scimconsole.testing.ReasonPatterns.sampleArgs;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The command line says every domain reason in English, from its own bundle. */
class TextsTest {
    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyCodeHasAnEnglishSentenceTakingItsArguments(ReasonCode code) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("messages.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertTakesItsArguments(bundle.getProperty("reason." + code.code()), Locale.ENGLISH, code);
        String sentence = Texts.reason(new DomainReason(code, sampleArgs(code)));
        assertThat(sentence).doesNotContain("{").matches("(?s)[\\p{ASCII}‘’“”…]*");
    }

    @Test
    void sentencesAreMadeFromTheirCodeAndArguments() {
        assertThat(Texts.reason(DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 3, "_scim-console-challenge.example.com")))
                .isEqualTo("Verified: 2 of 3 name servers publish the record _scim-console-challenge.example.com.");
        assertThat(Texts.reason(DomainReason.of(ReasonCode.NOT_REGISTERED, DomainName.parse("example.com").unicode())))
                .isEqualTo("example.com is not registered. Run ‘domain add example.com’ first to get its DNS record.");
        assertThat(Texts.reason("scim.problem.SORT_NEEDS_NARROWER_LIST", java.util.List.of("title", "10000")))
                .as("a refusal of the admin API, worded once in the console's English bundle")
                .isEqualTo("Sorting by “title” is offered only on a list of at most 10000 matches, and this one has more:"
                        + " no index holds that order, so each page would read and sort every match. Narrow the list,"
                        + " or leave the sort out.");
        Instant until = Instant.parse("2026-03-02T09:05:00Z");
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH)
                .format(until.atZone(ZoneId.systemDefault()));
        assertThat(Texts.reason(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME_CACHED, "_x.example.com", until)))
                .isEqualTo("The name _x.example.com does not exist yet. After you publish it, resolvers that already "
                        + "asked may keep answering “not found” until " + local + " (the zone’s negative-caching "
                        + "time); we ask the name servers directly, so we see it sooner.");
    }
}
