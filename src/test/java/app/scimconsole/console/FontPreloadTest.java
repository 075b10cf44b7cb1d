package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which windows are put in a Japanese family: Japanese ones, and on Linux every one (no fallback there). */
class FontPreloadTest {
    @Test
    void aJapaneseWindowOnAnySystem() {
        for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
            assertThat(FontPreload.namesJapaneseFamily(Locale.JAPANESE, os)).as(os).isTrue();
        }
    }

    @Test
    void anEnglishWindowOnlyOnLinuxWhereTheDefaultFontDoesNotFallBack() {
        assertThat(FontPreload.namesJapaneseFamily(Locale.ENGLISH, "Linux")).isTrue();
        assertThat(FontPreload.namesJapaneseFamily(Locale.ENGLISH, "Windows 11")).isFalse();
        assertThat(FontPreload.namesJapaneseFamily(Locale.ENGLISH, "Mac OS X")).isFalse();
    }
}
