package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The printer is the parser's oracle: every tree prints to text that parses back to the same tree. And
 * the parser is total over strings: any input parses or fails as a 400 invalidFilter/invalidPath,
 * promptly, never with another exception.
 */
class FilterParserProperties {
    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final Set<ScimType> SYNTAX_ERRORS = Set.of(ScimType.INVALID_FILTER, ScimType.INVALID_PATH);
    private static final String[] TOKENS = {
        "userName", "emails", "type", "value", "name.givenName", "urn:ietf:params:scim:schemas:core:2.0:User:",
        "manager", "$ref", ".", ":", " ", "  ", "\t", "eq", "EQ", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le",
        "pr", "and", "AND", "or", "Or", "not", "NOT", "(", ")", "[", "]", "\"", "\\", "\\u", "\\u00e9", "\\\"",
        "true", "TRUE", "false", "null", "0", "-", "1.5", "e", "E+", "1e9", "x", "é", "中", "😀", "\u0000", ",",
    };

    @Property
    void printedFilterParsesBackToTheSameTree(@ForAll("filters") Filter f) {
        String printed = FilterPrinter.print(f);
        assertThat(FilterParser.parseFilter(printed)).as(printed).isEqualTo(f);
    }

    @Property
    void printedPatchPathParsesBackToTheSamePath(@ForAll("patchPaths") PatchPath p) {
        assertThat(FilterParser.parsePatchPath(p.toString())).as(p.toString()).isEqualTo(p);
    }

    @Property(tries = 2000)
    void anyTokenSoupParsesOrFailsAsBadRequest(@ForAll("tokenSoup") String input) {
        assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
        assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
    }

    @Property(tries = 2000)
    void anyDamagedFilterParsesOrFailsAsBadRequest(@ForAll("damagedFilters") String input) {
        assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
        assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
    }

    @Property
    void anyStringAtAllParsesOrFailsAsBadRequest(@ForAll String input) {
        assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
        assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
        assertParsesOrFailsCleanly(FilterParser::parseAttrPath, input);
    }

    private static void assertParsesOrFailsCleanly(Function<String, ?> parser, String input) {
        assertTimeoutPreemptively(PROMPTLY, () -> {
            try {
                parser.apply(input);
            } catch (ScimException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.scimType()).isIn(SYNTAX_ERRORS);
                assertThat(e.detail()).containsPattern("at position \\d+:");
            }
        }, () -> "parser did not finish on: " + input);
    }

    // ---- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<Filter> filters() {
        return filter(4, false);
    }

    @Provide
    Arbitrary<PatchPath> patchPaths() {
        Arbitrary<PatchPath> plain = attrPaths().map(PatchPath::of);
        Arbitrary<PatchPath> filtered = Combinators.combine(topLevelAttr(), filter(3, true),
                names().injectNull(0.5)).as(PatchPath::new);
        return Arbitraries.oneOf(plain, filtered);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(24).map(tokens -> String.join("", tokens));
    }

    /** Valid filters with one edit: a character dropped, a token inserted, or the tail cut off. */
    @Provide
    Arbitrary<String> damagedFilters() {
        return Combinators.combine(filter(3, false).map(FilterPrinter::print), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(TOKENS), Arbitraries.integers().between(0, 2)).as((text, at, token, edit) -> {
                    int i = at % (text.length() + 1);
                    return switch (edit) {
                        case 0 -> i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
                        case 1 -> text.substring(0, i) + token + text.substring(i);
                        default -> text.substring(0, i);
                    };
                });
    }

    private Arbitrary<Filter> filter(int depth, boolean insideValuePath) {
        Arbitrary<Filter> leaf = insideValuePath ? comparison(relativeAttr())
                : Arbitraries.frequencyOf(Tuple.of(4, comparison(attrPaths())), Tuple.of(1, valuePath()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1, insideValuePath));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(2, Combinators.combine(sub, sub).as((l, r) -> (Filter) new Filter.And(l, r))),
                Tuple.of(2, Combinators.combine(sub, sub).as((l, r) -> (Filter) new Filter.Or(l, r))),
                Tuple.of(1, sub.map(Filter.Not::new)));
    }

    private Arbitrary<Filter> valuePath() {
        return Combinators.combine(topLevelAttr(), filter(2, true)).as(Filter.ValuePath::new);
    }

    private Arbitrary<Filter> comparison(Arbitrary<AttrPath> paths) {
        Arbitrary<Filter> compare = Combinators.combine(paths, Arbitraries.of(CompareOp.class), literals())
                .as(Filter.Compare::new);
        return Arbitraries.frequencyOf(Tuple.of(4, compare), Tuple.of(1, paths.map(Filter.Present::new)));
    }

    private Arbitrary<AttrPath> attrPaths() {
        Arbitrary<String> urns = Arbitraries.of(Schemas.USER_URN, Schemas.ENTERPRISE_URN, "URN:Example:Custom");
        return Combinators.combine(urns.injectNull(0.7), names(), names().injectNull(0.6)).as(AttrPath::new);
    }

    /** A filter or PATCH path may not put a sub-attribute before '['. */
    private Arbitrary<AttrPath> topLevelAttr() {
        return attrPaths().map(AttrPath::withoutSub);
    }

    /** Inside '[ ]' paths are relative: no URN, no sub-attribute. */
    private Arbitrary<AttrPath> relativeAttr() {
        return names().map(AttrPath::of);
    }

    /** Attribute names, including keyword look-alikes; a lone "not" would start a negation instead. */
    private Arbitrary<String> names() {
        Arbitrary<String> known = Arbitraries.of("userName", "emails", "value", "type", "$ref", "x-y_z1",
                "and", "or", "pr", "eq", "notes", "true", "null");
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars("$").ofMinLength(1).ofMaxLength(8)
                .filter(n -> !n.startsWith("$") || n.length() > 1)
                .map(n -> n.charAt(0) == '$' || Character.isLetter(n.charAt(0)) ? n : "a" + n);
        return Arbitraries.oneOf(known, random).filter(n -> !n.toLowerCase(Locale.ROOT).equals("not"));
    }

    private Arbitrary<Literal> literals() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars("\"\\/ \t\n\r\b\f\u0000\u001fé中\u2028()[]andor")
                .withCharRange('a', 'c').ofMaxLength(12);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<Literal> strings = Arbitraries.oneOf(tricky, anyText).map(Literal.Str::new);
        Arbitrary<Literal> numbers = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000L)),
                Arbitraries.integers().between(-12, 12)).as((unscaled, scale) -> new Literal.Num(new BigDecimal(unscaled, scale)));
        Arbitrary<Literal> constants = Arbitraries.of(new Literal.Bool(true), new Literal.Bool(false), new Literal.Null());
        return Arbitraries.frequencyOf(Tuple.of(5, strings), Tuple.of(2, numbers), Tuple.of(1, constants));
    }
}
