package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

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

    @Test
    void printedFilterParsesBackToTheSameTree() {
        Property.forAll(r -> filter(r, 4, false), f -> {
            String printed = FilterPrinter.print(f);
            assertThat(FilterParser.parseFilter(printed)).as(printed).isEqualTo(f);
        });
    }

    @Test
    void printedPatchPathParsesBackToTheSamePath() {
        Property.forAll(FilterParserProperties::patchPath,
                p -> assertThat(FilterParser.parsePatchPath(p.toString())).as(p.toString()).isEqualTo(p));
    }

    @Test
    void anyTokenSoupParsesOrFailsAsBadRequest() {
        Property.forAll(2000, FilterParserProperties::tokenSoup, input -> {
            assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
            assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
        });
    }

    @Test
    void anyDamagedFilterParsesOrFailsAsBadRequest() {
        Property.forAll(2000, FilterParserProperties::damagedFilter, input -> {
            assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
            assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
        });
    }

    @Test
    void anyStringAtAllParsesOrFailsAsBadRequest() {
        Property.forAll(r -> Gen.anyString(r, 40), input -> {
            assertParsesOrFailsCleanly(FilterParser::parseFilter, input);
            assertParsesOrFailsCleanly(FilterParser::parsePatchPath, input);
            assertParsesOrFailsCleanly(FilterParser::parseAttrPath, input);
        });
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

    static PatchPath patchPath(Random r) {
        if (r.nextBoolean()) {
            return PatchPath.of(attrPath(r));
        }
        return new PatchPath(attrPath(r).withoutSub(), filter(r, 3, true), Gen.orNull(r, 0.5, () -> name(r)));
    }

    private static String tokenSoup(Random r) {
        return String.join("", Gen.listOf(r, 24, x -> Gen.oneOf(x, TOKENS)));
    }

    /** A valid filter with one edit: a character dropped, a token inserted, or the tail cut off. */
    private static String damagedFilter(Random r) {
        String text = FilterPrinter.print(filter(r, 3, false));
        int i = r.nextInt(text.length() + 1);
        return switch (r.nextInt(3)) {
            case 0 -> i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
            case 1 -> text.substring(0, i) + Gen.oneOf(r, TOKENS) + text.substring(i);
            default -> text.substring(0, i);
        };
    }

    static Filter filter(Random r, int depth, boolean insideValuePath) {
        if (depth == 0) {
            return leaf(r, insideValuePath);
        }
        return Gen.weighted(r, new int[] {3, 2, 2, 1},
                () -> leaf(r, insideValuePath),
                () -> new Filter.And(filter(r, depth - 1, insideValuePath), filter(r, depth - 1, insideValuePath)),
                () -> new Filter.Or(filter(r, depth - 1, insideValuePath), filter(r, depth - 1, insideValuePath)),
                () -> new Filter.Not(filter(r, depth - 1, insideValuePath)));
    }

    private static Filter leaf(Random r, boolean insideValuePath) {
        if (insideValuePath) {
            return comparison(r, AttrPath.of(name(r)));
        }
        return Gen.weighted(r, new int[] {4, 1},
                () -> comparison(r, attrPath(r)),
                () -> new Filter.ValuePath(attrPath(r).withoutSub(), filter(r, 2, true)));
    }

    private static Filter comparison(Random r, AttrPath path) {
        return Gen.weighted(r, new int[] {4, 1},
                () -> new Filter.Compare(path, Gen.oneOf(r, CompareOp.values()), literal(r)),
                () -> new Filter.Present(path));
    }

    private static AttrPath attrPath(Random r) {
        String urn = Gen.orNull(r, 0.7, () -> Gen.oneOf(r, Schemas.USER_URN, Schemas.ENTERPRISE_URN, "URN:Example:Custom"));
        return new AttrPath(urn, name(r), Gen.orNull(r, 0.6, () -> name(r)));
    }

    /** Attribute names, including keyword look-alikes; a lone "not" would start a negation instead. */
    private static String name(Random r) {
        String n;
        do {
            n = r.nextBoolean()
                    ? Gen.oneOf(r, "userName", "emails", "value", "type", "$ref", "x-y_z1", "and", "or", "pr", "eq", "notes", "true", "null")
                    : Gen.oneOf(r, "a", "B", "$") + Gen.string(r, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$", 7);
        } while (n.equals("$") || n.toLowerCase(Locale.ROOT).equals("not"));
        return n;
    }

    private static Literal literal(Random r) {
        return Gen.weighted(r, new int[] {5, 2, 1},
                () -> new Literal.Str(r.nextBoolean()
                        ? Gen.string(r, "\"\\/ \t\n\r\b\f\u0000\u001fé中\u2028()[]andorabc", 12)
                        : Gen.anyString(r, 12)),
                () -> new Literal.Num(new BigDecimal(BigInteger.valueOf(r.nextLong() % 1_000_000_000_000L), r.nextInt(25) - 12)),
                () -> Gen.oneOf(r, new Literal.Bool(true), new Literal.Bool(false), new Literal.Null()));
    }
}
