package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list parameters, one table a parameter: each value sent alone, once in the query string and once as a string
 * in a {@code .search} body, must give the same request or the same refusal.
 */
class ListRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceType U = ResourceType.USER;
    private static final ResourceType G = ResourceType.GROUP;
    private static final ObjectNode USER = json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a@x.com",
             "name":{"givenName":"A","familyName":"B"},"emails":[{"value":"a@x.com","type":"work","primary":true}],
             "active":true,"meta":{"resourceType":"User"}}""");

    /** What a parsed request amounts to, with the projection shown by what it does to a user. */
    private record Seen(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
            boolean withMembers, ObjectNode projectedUser) {
        static Seen of(ListRequest r) {
            return new Seen(r.filter(), r.sortBy(), r.descending(), r.startIndex(), r.count(), r.withMembers(),
                    r.projection().apply(USER));
        }
    }

    /** A refusal: its code, arguments and scimType. */
    private record Refused(ScimProblem problem, List<String> args, ScimType scimType) {
    }

    private static Object outcome(Supplier<ListRequest> parse) {
        try {
            return Seen.of(parse.get());
        } catch (ScimException e) {
            return new Refused(e.problem(), e.args(), e.scimType());
        }
    }

    private static Object fromQuery(ResourceType type, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(name, value);
        return outcome(() -> ListRequest.fromQuery(type, params));
    }

    private static Object fromBody(ResourceType type, String name, String value) {
        ObjectNode body = JSON.createObjectNode().put(name, value);
        return outcome(() -> ListRequest.fromSearchBody(type, body));
    }

    private static final Seen DEFAULTS = Seen.of(ListRequest.fromQuery(U, Map.of()));

    // ---- the tables ----------------------------------------------------------------------------------------------

    static Stream<Arguments> accepted() {
        return Stream.of(
                // filter: parsed by the filter grammar; blank is none
                arguments("filter", "userName eq \"a@x.com\"", new Seen(FilterParser.parseFilter("userName eq \"a@x.com\""),
                        null, false, 1, 1000, false, DEFAULTS.projectedUser())),
                arguments("filter", "  ", DEFAULTS),
                arguments("filter", "", DEFAULTS),
                // sortBy: any attribute path, in any case, with or without URN; whether the type has it is the store's call
                arguments("sortBy", "userName", sorted(AttrPath.of("userName"))),
                arguments("sortBy", "name.givenName", sorted(AttrPath.of("name", "givenName"))),
                arguments("sortBy", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
                        sorted(new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null))),
                arguments("sortBy", "shoeSize", sorted(AttrPath.of("shoeSize"))),
                arguments("sortBy", " ", DEFAULTS),
                // sortOrder: the two words in any case; blank is ascending
                arguments("sortOrder", "ascending", DEFAULTS),
                arguments("sortOrder", "ASCENDING", DEFAULTS),
                arguments("sortOrder", "descending", descending()),
                arguments("sortOrder", "Descending", descending()),
                arguments("sortOrder", "", DEFAULTS),
                // startIndex: 1-based, anything below 1 is 1, clamped to an int, spaces and a plus sign allowed
                arguments("startIndex", "5", startingAt(5)),
                arguments("startIndex", " 7 ", startingAt(7)),
                arguments("startIndex", "+2", startingAt(2)),
                arguments("startIndex", "1", DEFAULTS),
                arguments("startIndex", "0", DEFAULTS),
                arguments("startIndex", "-3", DEFAULTS),
                arguments("startIndex", "99999999999", startingAt(Integer.MAX_VALUE)),
                arguments("startIndex", "", DEFAULTS),
                // count: a negative is 0, absent is the maximum, nothing above the maximum
                arguments("count", "10", counting(10)),
                arguments("count", "0", counting(0)),
                arguments("count", "-1", counting(0)),
                arguments("count", "-99999999999", counting(0)),
                arguments("count", "1000", DEFAULTS),
                arguments("count", "5000", counting(ListResponses.MAX_RESULTS)),
                arguments("count", "99999999999", counting(ListResponses.MAX_RESULTS)),
                arguments("count", "   ", DEFAULTS),
                arguments("count", "１０", counting(10)), // Java reads any Unicode digits; kept as it always was
                // attributes / excludedAttributes: the projection; unknown names are ignored
                arguments("attributes", "userName", projecting("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a@x.com"}""")),
                arguments("attributes", "userName,name.givenName", projecting("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a@x.com",
                         "name":{"givenName":"A"}}""")),
                arguments("attributes", "shoeSize", projecting("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1"}""")),
                arguments("attributes", "", DEFAULTS),
                arguments("excludedAttributes", "emails,name", projecting("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a@x.com",
                         "active":true,"meta":{"resourceType":"User"}}""")),
                arguments("excludedAttributes", "userName", projecting("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1",
                         "name":{"givenName":"A","familyName":"B"},"emails":[{"value":"a@x.com","type":"work","primary":true}],
                         "active":true,"meta":{"resourceType":"User"}}""")),
                arguments("excludedAttributes", "id,schemas", DEFAULTS));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("filter", "userName eq", ScimType.INVALID_FILTER, ScimProblem.FILTER_EXPECTED_VALUE_AFTER,
                        List.of("12", "eq")),
                arguments("filter", "userName xx \"a\"", ScimType.INVALID_FILTER, ScimProblem.FILTER_UNKNOWN_OPERATOR,
                        List.of("10", "xx")),
                arguments("sortBy", "user name", ScimType.INVALID_VALUE, ScimProblem.SORT_BY_NOT_A_PATH,
                        List.of("user name")),
                arguments("sortBy", "1st", ScimType.INVALID_VALUE, ScimProblem.SORT_BY_NOT_A_PATH, List.of("1st")),
                arguments("sortBy", "emails[type eq \"work\"]", ScimType.INVALID_VALUE, ScimProblem.SORT_BY_NOT_A_PATH,
                        List.of("emails[type eq \"work\"]")),
                arguments("sortOrder", "up", ScimType.INVALID_VALUE, ScimProblem.SORT_ORDER_INVALID, List.of()),
                arguments("sortOrder", "desc", ScimType.INVALID_VALUE, ScimProblem.SORT_ORDER_INVALID, List.of()),
                arguments("startIndex", "x", ScimType.INVALID_VALUE, ScimProblem.NOT_AN_INTEGER, List.of("startIndex", "x")),
                arguments("startIndex", "1.5", ScimType.INVALID_VALUE, ScimProblem.NOT_AN_INTEGER,
                        List.of("startIndex", "1.5")),
                arguments("startIndex", "1e3", ScimType.INVALID_VALUE, ScimProblem.NOT_AN_INTEGER,
                        List.of("startIndex", "1e3")),
                arguments("count", "ten", ScimType.INVALID_VALUE, ScimProblem.NOT_AN_INTEGER, List.of("count", "ten")),
                // a value filter is tolerated in attributes (as Microsoft's reference implementation sends it); a
                // malformed one is not
                arguments("attributes", "emails[type eq \"work\"", ScimType.INVALID_PATH, ScimProblem.PATH_EXPECTED,
                        List.of("22", "]")),
                arguments("excludedAttributes", "name.givenName.x", ScimType.INVALID_PATH,
                        ScimProblem.PATH_TOO_MANY_LEVELS, List.of("1", "name.givenName.x")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("accepted")
    void acceptedFromEitherSource(String name, String value, Seen expected) {
        assertThat(fromQuery(U, name, value)).as("query").isEqualTo(expected);
        assertThat(fromBody(U, name, value)).as(".search body").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("refused")
    void refusedFromEitherSourceAlike(String name, String value, ScimType type, ScimProblem problem, List<String> args) {
        Refused expected = new Refused(problem, args, type);
        assertThat(fromQuery(U, name, value)).as("query").isEqualTo(expected);
        assertThat(fromBody(U, name, value)).as(".search body").isEqualTo(expected);
    }

    // ---- what only one source has ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"startIndex", "STARTINDEX", "startindex"})
    void queryNamesMatchInAnyCase(String name) {
        assertThat(fromQuery(U, name, "5")).isEqualTo(startingAt(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"filter\"", "42", "null"})
    void aSearchBodyMustBeAnObject(String body) {
        assertThat(outcome(() -> ListRequest.fromSearchBody(U, node(body))))
                .isEqualTo(new Refused(ScimProblem.SEARCH_NOT_AN_OBJECT, List.of(), ScimType.INVALID_SYNTAX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searchBodies")
    void aSearchBodyMayUseJsonTypes(String body, Map<String, String> sameAsQuery) {
        assertThat(outcome(() -> ListRequest.fromSearchBody(U, json(body))))
                .isEqualTo(outcome(() -> ListRequest.fromQuery(U, sameAsQuery)));
    }

    static Stream<Arguments> searchBodies() {
        return Stream.of(
                arguments("{\"startIndex\":5,\"count\":2}", Map.of("startIndex", "5", "count", "2")),
                arguments("{\"count\":2.5}", Map.of("count", "2.5")),
                arguments("{\"attributes\":[\"userName\",\"name.givenName\"]}",
                        Map.of("attributes", "userName,name.givenName")),
                arguments("{\"excludedAttributes\":[\"emails\"],\"sortOrder\":\"descending\"}",
                        Map.of("excludedAttributes", "emails", "sortOrder", "descending")),
                arguments("{\"filter\":null,\"sortBy\":null,\"count\":null}", Map.of()),
                arguments("{\"Filter\":\"userName eq \\\"x\\\"\"}", Map.of()),
                arguments("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                        + "\"filter\":\"userName sw \\\"a\\\"\",\"sortBy\":\"userName\",\"startIndex\":\"3\"}",
                        Map.of("filter", "userName sw \"a\"", "sortBy", "userName", "startIndex", "3")));
    }

    // ---- across parameters --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstRefusalWins")
    void parametersAreCheckedInOrder(Map<String, String> params, ScimProblem first) {
        assertThat(((Refused) fromQuery(params)).problem()).isEqualTo(first);
        ObjectNode body = JSON.createObjectNode();
        params.forEach(body::put);
        assertThat(((Refused) outcome(() -> ListRequest.fromSearchBody(U, body))).problem()).isEqualTo(first);
    }

    static Stream<Arguments> firstRefusalWins() {
        return Stream.of(
                arguments(ordered("filter", "x eq", "sortBy", "a b", "count", "z"), ScimProblem.FILTER_EXPECTED_VALUE_AFTER),
                arguments(ordered("count", "z", "sortOrder", "sideways"), ScimProblem.SORT_ORDER_INVALID),
                arguments(ordered("attributes", "a[", "startIndex", "z"), ScimProblem.NOT_AN_INTEGER),
                arguments(ordered("attributes", "a[", "count", "7"), ScimProblem.PATH_EXPECTED_ATTRIBUTE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("members")
    void aGroupsMembersAreLoadedOnlyWhenTheyCanBeReturned(ResourceType type, Map<String, String> params, boolean loaded) {
        assertThat(ListRequest.fromQuery(type, params).withMembers()).isEqualTo(loaded);
    }

    static Stream<Arguments> members() {
        return Stream.of(
                arguments(G, Map.of(), true),
                arguments(G, Map.of("excludedAttributes", "members"), false),
                arguments(G, Map.of("attributes", "displayName"), false),
                arguments(G, Map.of("attributes", "members.value"), true),
                arguments(U, Map.of(), false),
                arguments(U, Map.of("attributes", "members"), false));
    }

    @Test
    void nothingSentIsEveryResourceInTheStoresOrderOnTheLargestPage() {
        ListRequest r = ListRequest.fromQuery(U, Map.of());
        assertThat(r.filter()).isNull();
        assertThat(r.sortBy()).isNull();
        assertThat(r.descending()).isFalse();
        assertThat(r.startIndex()).isEqualTo(1);
        assertThat(r.count()).isEqualTo(ListResponses.MAX_RESULTS);
        assertThat(r.projection().apply(USER)).isEqualTo(AttributeProjection.defaults(U).apply(USER));
        assertThat(outcome(() -> ListRequest.fromSearchBody(U, json("{}")))).isEqualTo(DEFAULTS);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Object fromQuery(Map<String, String> params) {
        return outcome(() -> ListRequest.fromQuery(U, params));
    }

    private static Map<String, String> ordered(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    private static Seen sorted(AttrPath path) {
        return new Seen(null, path, false, 1, 1000, false, DEFAULTS.projectedUser());
    }

    private static Seen descending() {
        return new Seen(null, null, true, 1, 1000, false, DEFAULTS.projectedUser());
    }

    private static Seen startingAt(int start) {
        return new Seen(null, null, false, start, 1000, false, DEFAULTS.projectedUser());
    }

    private static Seen counting(int count) {
        return new Seen(null, null, false, 1, count, false, DEFAULTS.projectedUser());
    }

    private static Seen projecting(String projected) {
        return new Seen(null, null, false, 1, 1000, false, json(projected));
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) node(text);
    }

    private static JsonNode node(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
