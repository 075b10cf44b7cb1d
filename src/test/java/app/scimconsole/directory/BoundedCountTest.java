package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A filtered list that counts its matches only up to a bound (the console's search as you type on a million users),
 * on a real SQLite file (and on PostgreSQL in {@link BoundedCountPostgresTest}); SCIM's own queries count exactly.
 */
class BoundedCountTest extends OneTenantDirectoryTest {
    private static final Filter MATCH = new Filter.Compare(AttrPath.of("userName"), CompareOp.CO,
            new Literal.Str("match"));

    @BeforeEach
    void addUsers() {
        for (int i = 0; i < 30; i++) {
            directory.create(tenant, ResourceType.USER, user(String.format("match-%02d@x.com", i)), List.of());
        }
        for (int i = 0; i < 5; i++) {
            directory.create(tenant, ResourceType.USER, user("other-" + i + "@x.com"), List.of());
        }
    }

    private Page query(Filter filter, int startIndex, int count, long countUpTo) {
        return directory.query(tenant, ResourceType.USER,
                new Query(filter, AttrPath.of("userName"), false, startIndex, count, false, countUpTo));
    }

    @Test
    void aSearchWithMoreMatchesThanTheBoundSaysSoAndStillReturnsItsPage() {
        Page page = query(MATCH, 1, 5, 10);
        assertThat(page.totalResults()).isEqualTo(10);
        assertThat(page.moreThanTotal()).isTrue();
        assertThat(page.resources()).extracting(r -> r.doc().path("userName").asText())
                .containsExactly("match-00@x.com", "match-01@x.com", "match-02@x.com", "match-03@x.com",
                        "match-04@x.com");
    }

    @Test
    void aSearchWithinTheBoundIsCountedExactly() {
        Page page = query(MATCH, 1, 5, 100);
        assertThat(page.totalResults()).isEqualTo(30);
        assertThat(page.moreThanTotal()).isFalse();
        Page exactlyAtTheBound = query(MATCH, 1, 5, 30);
        assertThat(exactlyAtTheBound.totalResults()).isEqualTo(30);
        assertThat(exactlyAtTheBound.moreThanTotal()).isFalse();
    }

    @Test
    void scimQueriesAndTheWholeListAreAlwaysCountedExactly() {
        Page scim = directory.query(tenant, ResourceType.USER,
                new Query(MATCH, AttrPath.of("userName"), false, 1, 5, false));
        assertThat(scim.totalResults()).isEqualTo(30);
        assertThat(scim.moreThanTotal()).isFalse();
        Page everyone = query(null, 1, 5, 10);
        assertThat(everyone.totalResults()).isEqualTo(35);
        assertThat(everyone.moreThanTotal()).isFalse();
    }

    /** What the rule for sorts no index holds asks: are there more matches than a limit? Another tenant's never count. */
    @Test
    void whetherMoreThanALimitMatchIsAnsweredForTheTenantAlone() {
        String other = directory.createTenant().id();
        for (int i = 0; i < 3; i++) {
            directory.create(other, ResourceType.USER, user("match-x" + i + "@x.com"), List.of());
        }
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, MATCH, 29)).isTrue();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, MATCH, 30)).as("exactly the limit").isFalse();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, null, 34)).isTrue();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, null, 35)).isFalse();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, MATCH, 0)).isTrue();
        Filter narrow = new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, new Literal.Str("match-0"));
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, narrow, 9)).as("a search of the names").isTrue();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.USER, narrow, 10)).isFalse();
        assertThat(directory.matchesMoreThan(other, ResourceType.USER, MATCH, 3)).isFalse();
        assertThat(directory.matchesMoreThan(tenant, ResourceType.GROUP, null, 0)).isFalse();
    }

    @Test
    void pagesBeyondTheCountedMatchesStillReachEveryMatchOnce() {
        List<String> seen = new ArrayList<>();
        for (int start = 1; ; start += 7) {
            Page page = query(MATCH, start, 7, 10);
            if (page.resources().isEmpty()) {
                break;
            }
            page.resources().stream().map(StoredResource::id).forEach(seen::add);
        }
        assertThat(seen).hasSize(30).doesNotHaveDuplicates();
    }
}
