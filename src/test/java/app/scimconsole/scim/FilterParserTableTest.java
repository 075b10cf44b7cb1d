package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter and PATCH-path grammar, pinned by the tables next to this class in test resources. */
class FilterParserTableTest {

    static List<Arguments> validFilters() {
        return TsvTable.rows("filter-valid.tsv", 2);
    }

    static List<Arguments> invalidFilters() {
        return TsvTable.rows("filter-invalid.tsv", 3);
    }

    static List<Arguments> validPaths() {
        return TsvTable.rows("path-valid.tsv", 2);
    }

    static List<Arguments> invalidPaths() {
        return TsvTable.rows("path-invalid.tsv", 3);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("validFilters")
    void validFilterPrintsCanonically(String input, String canonical, String where) {
        Filter parsed = FilterParser.parseFilter(input);
        assertThat(FilterPrinter.print(parsed)).as(where).isEqualTo(canonical);
        // The canonical form is a fixed point and denotes the same tree.
        assertThat(FilterParser.parseFilter(canonical)).as(where).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("invalidFilters")
    void invalidFilterIsRejectedAtPosition(String input, String scimType, String position, String where) {
        assertRejected(FilterParser::parseFilter, input, scimType, position, where);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("validPaths")
    void validPathPrintsCanonically(String input, String canonical, String where) {
        PatchPath parsed = FilterParser.parsePatchPath(input);
        assertThat(parsed.toString()).as(where).isEqualTo(canonical);
        assertThat(FilterParser.parsePatchPath(canonical)).as(where).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("invalidPaths")
    void invalidPathIsRejectedAtPosition(String input, String scimType, String position, String where) {
        assertRejected(FilterParser::parsePatchPath, input, scimType, position, where);
    }

    static void assertRejected(Function<String, ?> parser, String input, String scimType, String position,
            String where) {
        ScimException e = catchThrowableOfType(ScimException.class, () -> parser.apply(input));
        assertThat(e).as(where + " should be rejected: " + input).isNotNull();
        assertThat(e.status()).as(where).isEqualTo(400);
        assertThat(e.scimType().wire()).as(where).isEqualTo(scimType);
        assertThat(e.detail()).as(where).contains("at position " + position + ":");
    }
}
