package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Asserts that a text shown by the Japanese console has no English in it: once the values it shows (domains,
 * record names and values, server addresses) are taken out, no Latin word is left but product and protocol names.
 */
public final class NoEnglish {
    /** Names and notations that stay as they are in Japanese text ("xn": the xn-- prefix of IDNA). */
    private static final Set<String> NAMES = Set.of("DNS", "TXT", "CNAME", "AAAA", "NS", "DNSSEC", "DS", "IP", "IPv", "MB", "SCIM",
            "Entra", "Web", "http", "https", "INCLUDE", "HOST", "PORT", "example", "com", "xn");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    private NoEnglish() {
    }

    public static void assertNoEnglish(String text, String... values) {
        String rest = text;
        for (String v : Arrays.stream(values).sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            rest = rest.replace(v, " ");
        }
        List<String> english = WORD.matcher(rest).results().map(MatchResult::group).filter(w -> !NAMES.contains(w))
                .toList();
        assertThat(english).as("English words in: " + text).isEmpty();
    }
}
