package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which families a Japanese window's code and fixed-width values are shown in, and the style sheet that says so. */
class FontsTest {
    @Test
    void aFixedWidthJapaneseFamilyIsPreferredForCode() {
        List<String> linux = List.of("DejaVu Sans Mono", "Noto Sans CJK JP", "Noto Sans Mono CJK JP");
        List<String> windows = List.of("Consolas", "Yu Gothic UI", "MS Gothic");

        assertThat(Fonts.japaneseFixedWidth(linux, Fonts.japanese(linux))).contains("Noto Sans Mono CJK JP");
        assertThat(Fonts.japaneseFixedWidth(windows, Fonts.japanese(windows))).contains("MS Gothic");
    }

    @Test
    void withoutOneCodeIsShownInTheWindowsJapaneseFamilyAndWithoutAnyAsBefore() {
        List<String> proportionalOnly = List.of("DejaVu Sans Mono", "IPAexGothic");

        assertThat(Fonts.japaneseFixedWidth(proportionalOnly, Fonts.japanese(proportionalOnly))).contains("IPAexGothic");
        assertThat(Fonts.japaneseFixedWidth(List.of("DejaVu Sans Mono"), Optional.empty())).isEmpty();
        assertThat(Fonts.codeStyleSheet(Optional.empty())).isEmpty();
    }

    @Test
    void theStyleSheetOutweighsTheConsolesFixedWidthRule() {
        String sheet = Fonts.codeStyleSheet(Optional.of("Noto Sans Mono CJK JP")).orElseThrow();

        assertThat(sheet).startsWith("data:text/css;base64,");
        assertThat(new String(Base64.getDecoder().decode(sheet.substring(sheet.indexOf(',') + 1)),
                StandardCharsets.UTF_8)).isEqualTo(".root .mono, .root .code { -fx-font-family: \"Noto Sans Mono CJK JP\"; }");
    }
}
