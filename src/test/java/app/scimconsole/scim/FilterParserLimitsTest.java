package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Hostile and degenerate input that cannot be written in the TSV tables: huge, deep, blank. */
class FilterParserLimitsTest {

    @Test
    void tenThousandOpeningParenthesesIsInvalidFilterNotStackOverflow() {
        assertRejected(FilterParser::parseFilter, "(".repeat(10_000) + "a pr" + ")".repeat(10_000),
                ScimType.INVALID_FILTER);
    }

    @Test
    void depthBombWithinTheLengthCapStopsAtTheDepthCap() {
        String bomb = "(".repeat(4_000) + "a pr" + ")".repeat(4_000);
        ScimException e = assertRejected(FilterParser::parseFilter, bomb, ScimType.INVALID_FILTER);
        assertThat(e.detail()).contains("deeper than " + FilterParser.MAX_DEPTH)
                .contains("at position " + (FilterParser.MAX_DEPTH + 1) + ":");
    }

    @Test
    void nestedNotAndValuePathBombsStopAtTheDepthCap() {
        assertRejected(FilterParser::parseFilter, "not (".repeat(1_000) + "a pr" + ")".repeat(1_000),
                ScimType.INVALID_FILTER);
        assertRejected(FilterParser::parsePatchPath, "members[" + "(".repeat(2_000) + "value pr" + ")".repeat(2_000)
                + "]", ScimType.INVALID_PATH);
    }

    @Test
    void nestingUpToTheCapParses() {
        int depth = FilterParser.MAX_DEPTH - 1; // the outermost expression is a level of its own
        String deep = "(".repeat(depth) + "a pr" + ")".repeat(depth);
        assertThat(FilterParser.parseFilter(deep)).isEqualTo(new Filter.Present(AttrPath.of("a")));
    }

    @Test
    void longFlatConjunctionWithinTheCapParsesWithoutRecursionTrouble() {
        String clause = "userName eq \"x\"";
        StringBuilder b = new StringBuilder(clause);
        while (b.length() + clause.length() + 5 <= FilterParser.MAX_LENGTH) {
            b.append(" and ").append(clause);
        }
        Filter f = FilterParser.parseFilter(b.toString());
        assertThat(FilterPrinter.print(f)).isEqualTo(b.toString());
    }

    @Test
    void inputOverTheLengthCapIsRejectedBeforeParsing() {
        String over = "userName eq \"" + "x".repeat(FilterParser.MAX_LENGTH) + "\"";
        ScimException e = assertRejected(FilterParser::parseFilter, over, ScimType.INVALID_FILTER);
        assertThat(e.detail()).contains("longer than " + FilterParser.MAX_LENGTH);
        assertRejected(FilterParser::parsePatchPath, "a".repeat(FilterParser.MAX_LENGTH + 1), ScimType.INVALID_PATH);
    }

    @Test
    void inputExactlyAtTheLengthCapParses() {
        String at = "userName eq \"" + "x".repeat(FilterParser.MAX_LENGTH - 14) + "\"";
        assertThat(at).hasSize(FilterParser.MAX_LENGTH);
        assertThat(FilterParser.parseFilter(at)).isInstanceOf(Filter.Compare.class);
    }

    @Test
    void emptyBlankAndNullAreRejectedWithAPosition() {
        for (String blank : new String[] {null, "", "   ", "\t\n"}) {
            assertThat(assertRejected(FilterParser::parseFilter, blank, ScimType.INVALID_FILTER).detail())
                    .contains("at position 1:").contains("empty");
            assertRejected(FilterParser::parsePatchPath, blank, ScimType.INVALID_PATH);
            assertRejected(FilterParser::parseAttrPath, blank, ScimType.INVALID_PATH);
        }
    }

    @Test
    void controlCharactersInsideAStringSurviveTheRoundTrip() {
        Filter f = new Filter.Compare(AttrPath.of("userName"), Filter.CompareOp.EQ,
                new Filter.Literal.Str("a\u0000b\u001fc\u007f\u2028"));
        assertThat(FilterParser.parseFilter(FilterPrinter.print(f))).isEqualTo(f);
    }

    @Test
    void parseAttrPathSplitsUrnNameAndSub() {
        assertThat(FilterParser.parseAttrPath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"))
                .isEqualTo(new AttrPath(Schemas.ENTERPRISE_URN, "manager", "value"));
        assertThat(FilterParser.parseAttrPath(" name.givenName ")).isEqualTo(AttrPath.of("name", "givenName"));
        assertRejected(FilterParser::parseAttrPath, "emails[type eq \"work\"]", ScimType.INVALID_PATH);
    }

    private static ScimException assertRejected(Function<String, ?> parser, String input, ScimType type) {
        ScimException e = catchThrowableOfType(ScimException.class, () -> parser.apply(input));
        assertThat(e).as("should be rejected").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(type);
        assertThat(e.detail()).containsPattern("at position \\d+:");
        return e;
    }
}
