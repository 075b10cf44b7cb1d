package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.scimconsole.http.RouteTable.Found;
import app.scimconsole.http.RouteTable.Match;
import app.scimconsole.http.RouteTable.MethodNotAllowed;
import app.scimconsole.http.RouteTable.NotFound;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route table, on the two tables this service has: the admin API's (exact case) and the SCIM protocol's
 * (a tenant in front, any case, {@code .search} beside {@code {id}}).
 */
class RouteTableTest {
    private static final RouteTable<String> SCIM = RouteTable.<String>builder().ignoringCase()
            .route("GET", "{tenant}/Users", "list users")
            .route("POST", "{tenant}/Users", "create user")
            .route("POST", "{tenant}/Users/.search", "search users")
            .route("GET", "{tenant}/Users/{id}", "get user")
            .route("PUT", "{tenant}/Users/{id}", "replace user")
            .route("PATCH", "{tenant}/Users/{id}", "patch user")
            .route("DELETE", "{tenant}/Users/{id}", "delete user")
            .route("GET", "{tenant}/Groups", "list groups")
            .route("GET", "{tenant}/ServiceProviderConfig", "config")
            .route("GET", "{tenant}/ResourceTypes", "resource types")
            .route("GET", "{tenant}/ResourceTypes/{id}", "resource type")
            .route("GET", "{tenant}/Schemas", "schemas")
            .route("GET", "{tenant}/Schemas/{urn}", "schema")
            .build();

    private static final RouteTable<String> ADMIN = RouteTable.<String>builder()
            .route("GET", "overview", "overview")
            .route("POST", "scim/enable", "enable")
            .route("GET", "users/{id}", "user")
            .route("GET", "groups/{id}/members", "members")
            .route("GET", "domains", "domains")
            .route("POST", "domains", "add domain")
            .route("DELETE", "domains/{name}", "remove domain")
            .route("POST", "domains/{name}/verify", "verify domain")
            .build();

    static Stream<Arguments> found() {
        return Stream.of(
                arguments(SCIM, "GET", "/t1/Users", "list users", Map.of("tenant", "t1")),
                arguments(SCIM, "POST", "/t1/Users", "create user", Map.of("tenant", "t1")),
                arguments(SCIM, "GET", "/t1/users/u-9", "get user", Map.of("tenant", "t1", "id", "u-9")),
                arguments(SCIM, "PATCH", "/t1/USERS/u-9", "patch user", Map.of("tenant", "t1", "id", "u-9")),
                arguments(SCIM, "POST", "/t1/Users/.search", "search users", Map.of("tenant", "t1")),
                arguments(SCIM, "POST", "/t1/Users/.SEARCH", "search users", Map.of("tenant", "t1")),
                arguments(SCIM, "GET", "/t1/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "schema",
                        Map.of("tenant", "t1", "urn", "urn:ietf:params:scim:schemas:core:2.0:User")),
                arguments(SCIM, "GET", "//t1///ServiceProviderConfig/", "config", Map.of("tenant", "t1")),
                arguments(SCIM, "GET", "/Users/Users", "list users", Map.of("tenant", "Users")),
                arguments(SCIM, "GET", "/t1/Users/a%2Fb", "get user", Map.of("tenant", "t1", "id", "a/b")),
                arguments(SCIM, "GET", "/t1/Users/a+b%20c", "get user", Map.of("tenant", "t1", "id", "a+b c")),
                arguments(ADMIN, "GET", "/overview", "overview", Map.of()),
                arguments(ADMIN, "GET", "/groups/g%C3%BC/members", "members", Map.of("id", "gü")),
                arguments(ADMIN, "POST", "/domains", "add domain", Map.of()),
                arguments(ADMIN, "DELETE", "/domains/example.org", "remove domain", Map.of("name", "example.org")),
                arguments(ADMIN, "POST", "/domains/example.org/verify", "verify domain", Map.of("name", "example.org")));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("found")
    void aRouteIsFoundWithItsParameters(RouteTable<String> table, String method, String path, String handler,
            Map<String, String> params) {
        Match<String> m = table.match(method, RouteTable.segments(path, "/"));
        assertThat(m).isEqualTo(new Found<>(handler, params));
    }

    static Stream<Arguments> notFound() {
        return Stream.of(
                arguments(SCIM, "GET", "/"),
                arguments(SCIM, "GET", "/t1"),
                arguments(SCIM, "GET", "/t1/Bulk"),
                arguments(SCIM, "GET", "/t1/Users/u1/extra"),
                arguments(SCIM, "GET", "/t1/Groups/g1"),
                arguments(SCIM, "GET", "/t1/ServiceProviderConfig/x"),
                arguments(ADMIN, "GET", "/OVERVIEW"),
                arguments(ADMIN, "GET", "/overview/x"),
                arguments(ADMIN, "POST", "/scim"),
                arguments(ADMIN, "POST", "/scim/unknown"),
                arguments(ADMIN, "GET", "/users"),
                arguments(ADMIN, "GET", "/groups/g1"),
                arguments(ADMIN, "POST", "/domains/a/b/c"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("notFound")
    void aPathNoPatternFitsIsNotFound(RouteTable<String> table, String method, String path) {
        assertThat(table.match(method, RouteTable.segments(path, "/"))).isEqualTo(new NotFound<>());
    }

    static Stream<Arguments> notAllowed() {
        return Stream.of(
                arguments(SCIM, "DELETE", "/t1/Users", "GET, POST"),
                arguments(SCIM, "GET", "/t1/Users/.search", "POST"),
                arguments(SCIM, "POST", "/t1/Users/u1", "GET, PUT, PATCH, DELETE"),
                arguments(SCIM, "HEAD", "/t1/Users/u1", "GET, PUT, PATCH, DELETE"),
                arguments(SCIM, "PUT", "/t1/ServiceProviderConfig", "GET"),
                arguments(SCIM, "POST", "/t1/Schemas/x", "GET"),
                arguments(ADMIN, "POST", "/overview", "GET"),
                arguments(ADMIN, "GET", "/scim/enable", "POST"),
                arguments(ADMIN, "PUT", "/domains", "GET, POST"),
                arguments(ADMIN, "GET", "/domains/example.org", "DELETE"),
                arguments(ADMIN, "GET", "/domains/example.org/verify", "POST"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("notAllowed")
    void aKnownPathWithAnotherMethodSaysWhichAreAllowed(RouteTable<String> table, String method, String path,
            String allow) {
        Match<String> m = table.match(method, RouteTable.segments(path, "/"));
        assertThat(m).isInstanceOfSatisfying(MethodNotAllowed.class,
                n -> assertThat(n.allowHeader()).isEqualTo(allow));
    }

    @Test
    void aLiteralWinsOverAParameterWhereverItStands() {
        RouteTable<String> t = RouteTable.<String>builder()
                .route("GET", "{a}/{b}", "both free")
                .route("GET", "{a}/x", "second literal")
                .route("GET", "x/{b}", "first literal")
                .build();
        assertThat(t.match("GET", List.of("x", "x"))).isEqualTo(new Found<>("first literal", Map.of("b", "x")));
        assertThat(t.match("GET", List.of("y", "x"))).isEqualTo(new Found<>("second literal", Map.of("a", "y")));
        assertThat(t.match("GET", List.of("y", "y"))).isEqualTo(new Found<>("both free", Map.of("a", "y", "b", "y")));
    }

    @Test
    void segmentsAreReadBelowThePrefix() {
        assertThat(RouteTable.segments("/admin/v1/users/a%2Fb", "/admin/v1/")).containsExactly("users", "a/b");
        assertThat(RouteTable.segments("/admin/v1/", "/admin/v1/")).isEmpty();
        assertThat(RouteTable.segments("/scim/v2/t1/Users", "/scim/v2/")).containsExactly("t1", "Users");
    }

    @Test
    void aTableWithTwoAnswersForOneRequestIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> RouteTable.<String>builder().route("GET", "users/{id}", "a")
                .route("GET", "users/{id}", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteTable.<String>builder().route("GET", "users/{id}", "a")
                .route("PUT", "users/{name}", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
