package app.scimconsole.console.common;

import static app.scimconsole.console.NoEnglish.assertNoEnglish;
import static app.scimconsole.testing.ReasonPatterns.assertTakesItsArguments;
import static app.scimconsole.testing.ReasonPatterns.sampleArgs;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.ReasonCode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reason the domains give has a sentence in English and in Japanese that takes exactly its arguments, each of
 * the kind the code declares; the renderer reads arguments by those kinds and shows instants as local time.
 */
class ReasonTextsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyCodeHasAnEnglishAndAJapaneseTextTakingItsArguments(ReasonCode code) throws IOException {
        Properties en = MessagesTest.load("messages.properties");
        Properties ja = MessagesTest.load("messages_ja.properties");
        String key = ReasonTexts.PREFIX + code.code();
        assertTakesItsArguments(en.getProperty(key), Locale.ENGLISH, code);
        assertTakesItsArguments(ja.getProperty(key), Locale.JAPANESE, code);
        assertThat(ja.getProperty(key)).as(code + " is translated").isNotEqualTo(en.getProperty(key));
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyJapaneseTextIsJapanese(ReasonCode code) {
        List<String> args = sampleArgs(code);
        String text = reasons(Locale.JAPANESE, ZoneOffset.UTC).text(new DomainReason(code, args));
        assertNoEnglish(text, args.toArray(String[]::new));
        assertThat(text).doesNotContain("{").doesNotContain("reason.");
    }

    @Test
    void argumentsAreReadByTheKindsThePatternDeclares() {
        ReasonTexts tokyo = reasons(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"));
        // An instant is the owner's local time: 09:05 UTC is 18:05 in Tokyo.
        assertThat(tokyo.text(DomainReason.of(ReasonCode.RESOLVER_BEHIND_CACHED_PROBLEM, "2026-03-02T09:05:00Z")))
                .endsWith("18:05 まで「見つからない」という結果を保持している可能性があります。");
        ReasonTexts english = reasons(Locale.ENGLISH, ZoneOffset.UTC);
        assertThat(english.text(DomainReason.of(ReasonCode.RESOLVER_BEHIND_CACHED_PROBLEM, "2026-03-09T09:05:00Z")))
                .endsWith("until Mar 9, 2026, 9:05 AM.");
        assertThat(english.text(new Reason("domain.check.verified", List.of("2", "3", "_x.example.com"))))
                .isEqualTo("Verified: 2 of 3 name servers publish the record _x.example.com.");
        assertThat(english.text(new Reason("domain.name.tooLong", List.of("253", "1200"))))
                .isEqualTo("This domain name is too long: at most 253 characters are allowed, it has 1,200.");
    }

    @Test
    void anArgumentNotOfItsKindIsShownAsItIsNeverAFailure() {
        ReasonTexts english = reasons(Locale.ENGLISH, ZoneOffset.UTC);
        assertThat(english.text(new Reason("domain.check.noSuchNameCached", List.of("_x.example.com", "soon"))))
                .contains("“not found” until soon (");
        assertThat(english.text(new Reason("domain.name.tooLong", List.of("many", "more"))))
                .isEqualTo("This domain name is too long: at most many characters are allowed, it has more.");
        assertThat(english.text(new Reason("domain.check.noSuchName", List.of())))
                .isEqualTo("The name  does not exist yet.");
    }

    @Test
    void aCodeThisConsoleDoesNotKnowIsNamed() {
        assertThat(reasons(Locale.ENGLISH, ZoneOffset.UTC).text(new Reason("domain.fromTheFuture", List.of("x"))))
                .isEqualTo("The service reported something this version of the console cannot show "
                        + "(domain.fromTheFuture). Please update the console.");
    }

    private static ReasonTexts reasons(Locale locale, ZoneId zone) {
        return new ReasonTexts(new Texts(I18n.forLocale(locale), zone));
    }
}
