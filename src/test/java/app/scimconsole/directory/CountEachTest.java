package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Query;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several counts of one tenant's users in one pass agree with counting each filter on its own, attributes a user
 * lacks included, and so do they read in parts (SQLite; PostgreSQL reads one pass); on a real SQLite file (and on
 * PostgreSQL in {@link CountEachPostgresTest}).
 */
class CountEachTest extends OneTenantDirectoryTest {
    @Test
    void eachFiltersCountInOnePassIsItsOwnCount() {
        String other = directory.createTenant().id();
        directory.create(tenant, ResourceType.USER, json("{'userName':'a@x.com','active':true,'title':'Engineer',"
                + "'emails':[{'type':'work','value':'a@x.com'}]}"), List.of());
        directory.create(tenant, ResourceType.USER, json("{'userName':'b@x.com','active':false,'displayName':'B'}"),
                List.of());
        directory.create(tenant, ResourceType.USER, json("{'userName':'c@x.com','title':'Lead',"
                + "'emails':[{'type':'home','value':'c@home.example'}]}"), List.of());
        directory.create(other, ResourceType.USER, json("{'userName':'d@x.com','active':true,'title':'Other'}"),
                List.of());
        List<Filter> filters = List.of(FilterParser.parseFilter("active eq true"),
                FilterParser.parseFilter("active eq false"), FilterParser.parseFilter("title pr"),
                FilterParser.parseFilter("displayName pr"),
                FilterParser.parseFilter("emails[type eq \"work\" and value pr]"),
                FilterParser.parseFilter("userName eq \"nobody@x.com\""));
        List<Long> oneByOne = filters.stream().map(f -> directory.query(tenant, ResourceType.USER,
                new Query(f, null, false, 1, 0, false)).totalResults()).toList();
        assertThat(directory.countEach(tenant, ResourceType.USER, filters)).isEqualTo(oneByOne)
                .containsExactly(2L, 1L, 2L, 1L, 1L, 0L); // an absent active is active
        assertThat(directory.countEach(directory.createTenant().id(), ResourceType.USER, filters))
                .as("a tenant without users").containsOnly(0L);

        // Read in parts of two rows: the same counts, and the other tenant's user in a part of its own counts nowhere
        directory.countPartRows = 2;
        AtomicInteger between = new AtomicInteger();
        assertThat(directory.countEach(tenant, ResourceType.USER, filters, between::incrementAndGet))
                .isEqualTo(oneByOne);
        assertThat(between).as(onPostgres() ? "one pass" : "four rows in two parts: one pause between them")
                .hasValue(onPostgres() ? 0 : 1);
        assertThat(directory.countEach(directory.createTenant().id(), ResourceType.USER, filters, () -> { }))
                .as("a tenant without users, in parts").containsOnly(0L);
    }
}
