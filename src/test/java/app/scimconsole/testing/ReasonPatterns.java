package app.scimconsole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.ReasonCode;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Checks an edge's pattern for a reason code: it takes exactly the code's arguments, each as the kind declared. */
public final class ReasonPatterns {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private ReasonPatterns() {
    }

    public static void assertTakesItsArguments(String pattern, Locale locale, ReasonCode code) {
        assertThat(pattern).as(code + " in " + locale).isNotBlank();
        Set<Integer> used = ARGUMENT.matcher(pattern).results().map(m -> Integer.parseInt(m.group(1)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as(code + " in " + locale + ": the arguments used")
                .containsExactlyElementsOf(IntStream.range(0, code.args().size()).boxed().toList());
        Format[] formats = new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        for (int i = 0; i < code.args().size(); i++) {
            Format f = i < formats.length ? formats[i] : null;
            ReasonCode.Arg written = f instanceof NumberFormat ? ReasonCode.Arg.COUNT
                    : f instanceof DateFormat ? ReasonCode.Arg.INSTANT : ReasonCode.Arg.TEXT;
            assertThat(written).as(code + " in " + locale + ": the kind of argument " + i).isEqualTo(code.args().get(i));
        }
        assertThat(pattern).as(code + " uses ’ rather than a quote MessageFormat would eat").doesNotContain("'");
    }

    /** Sample arguments of the code's kinds; text arguments are marked so that they can be told from the words. */
    public static List<String> sampleArgs(ReasonCode code) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < code.args().size(); i++) {
            args.add(switch (code.args().get(i)) {
                case TEXT -> "value" + i;
                case COUNT -> String.valueOf(3 + i);
                case INSTANT -> "2026-03-02T09:05:00Z";
            });
        }
        return args;
    }
}
