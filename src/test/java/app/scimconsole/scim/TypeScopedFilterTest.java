package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a filter of a search across resource types applies to users and to groups (RFC 7644 §3.4.3). */
class TypeScopedFilterTest {
    private static final List<ResourceType> BOTH = List.of(ResourceType.USER, ResourceType.GROUP);

    /** The filter; then, for users and for groups, ALL, NONE or the filter left (canonical print). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "userName eq \"a\"                               | userName eq \"a\"  | NONE",
        "displayName eq \"a\"                            | displayName eq \"a\" | displayName eq \"a\"",
        "userName eq \"a\" or displayName eq \"b\"       | userName eq \"a\" or displayName eq \"b\" | displayName eq \"b\"",
        "userName eq \"a\" and displayName eq \"b\"      | userName eq \"a\" and displayName eq \"b\" | NONE",
        "not (userName eq \"a\")                         | not (userName eq \"a\") | ALL",
        "userName ne \"a\"                               | userName ne \"a\" | ALL",
        "userName eq null                                | userName eq null | ALL",
        "userName pr or members pr                       | userName pr | members pr",
        "emails[type eq \"work\"] and id pr              | emails[type eq \"work\"] and id pr | NONE",
        "members[value eq \"u1\"] or meta.created gt \"2020-01-01T00:00:00Z\" | meta.created gt \"2020-01-01T00:00:00Z\" | members[value eq \"u1\"] or meta.created gt \"2020-01-01T00:00:00Z\"",
        "members.value eq \"u1\" and not (userName pr)   | NONE | members.value eq \"u1\""})
    void eachTypeKeepsWhatItCanAnswer(String filter, String users, String groups) {
        Filter f = FilterParser.parseFilter(filter.trim());
        assertThat(printed(TypeScopedFilter.of(f, ResourceType.USER, BOTH))).isEqualTo(users.trim());
        assertThat(printed(TypeScopedFilter.of(f, ResourceType.GROUP, BOTH))).isEqualTo(groups.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"shoeSize eq 42", "userName eq \"a\" or name.nosuch pr", "urn:example:x:y pr"})
    void anAttributeNoTypeHasIsInvalidFilter(String filter) {
        Filter f = FilterParser.parseFilter(filter);
        assertThatThrownBy(() -> TypeScopedFilter.of(f, ResourceType.GROUP, BOTH))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER));
    }

    private static String printed(TypeScopedFilter.Scoped s) {
        return s.reach() == TypeScopedFilter.Reach.SOME ? FilterPrinter.print(s.filter()) : s.reach().name();
    }
}
