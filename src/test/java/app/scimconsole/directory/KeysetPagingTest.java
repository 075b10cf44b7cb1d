package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Position;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.Seek;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages (the Users view's next and previous pages) on a real SQLite file (and on PostgreSQL in
 * {@link KeysetPagingPostgresTest}): walked forward and back through a few thousand users, in every order the
 * console offers, with ties on the sort key, missing values, a search and a status filter, they hold exactly the
 * rows of the one big page sorted the same way; and with users added and removed between pages, every user that
 * was there throughout is seen once.
 */
class KeysetPagingTest extends OneTenantDirectoryTest {
    private static final int USERS = 2_500;
    private static final int PAGE = 97;
    /** meta.created stands for "no sort" (creation order). */
    private static final List<String> SORTS = List.of("meta.created", "userName", "displayName", "meta.lastModified",
            "active", "title");

    /** Users added since the first {@link #USERS}. */
    int added;

    @BeforeEach
    void addUsers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int n = i;
                done.add(pool.submit(() -> add(n)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Few distinct display names and titles (ties), some missing (sorted last), a third suspended. */
    private StoredResource add(int n) {
        ObjectNode doc = user(String.format("u-%05d@x.com", n));
        if (n % 5 != 0) {
            doc.put("displayName", "Name " + (n % 37));
        }
        if (n % 4 != 0) {
            doc.put("title", "Title " + (n % 11));
        }
        doc.put("active", n % 3 != 0);
        return directory.create(tenant, ResourceType.USER, doc, List.of());
    }

    private static Filter search(String s) {
        Literal text = new Literal.Str(s);
        return new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, text),
                new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, text));
    }

    private static final Filter ACTIVE = new Filter.Compare(AttrPath.of("active"), CompareOp.EQ,
            new Literal.Bool(true));

    private static List<Filter> filters() {
        List<Filter> out = new ArrayList<>();
        out.add(null);
        out.add(search("u-01")); // 1,000 matches: the few-matches path and, past it, the walk
        out.add(search("name 1")); // a text a trigram search narrows
        out.add(new Filter.And(search("u-0"), ACTIVE));
        return out;
    }

    private static AttrPath by(String sort) {
        return sort.equals("meta.created") ? null : FilterParser.parseAttrPath(sort);
    }

    private Query query(Filter filter, String sort, boolean descending, int startIndex, int count) {
        return new Query(filter, by(sort), descending, startIndex, count, false, 10_000);
    }

    private List<String> ids(Page page) {
        return page.resources().stream().map(StoredResource::id).toList();
    }

    @Test
    void pagesForwardAndBackHoldExactlyTheSortedRowsInEveryOrder() {
        for (String sort : SORTS) {
            for (boolean descending : List.of(false, true)) {
                for (Filter filter : filters()) {
                    String what = sort + (descending ? " descending" : "") + " " + filter;
                    List<String> all = ids(directory.query(tenant, ResourceType.USER,
                            query(filter, sort, descending, 1, 10 * USERS)));
                    assertThat(all).as(what).hasSizeGreaterThan(2 * PAGE);

                    List<String> forward = new ArrayList<>();
                    Page page = directory.query(tenant, ResourceType.USER, query(filter, sort, descending, 1, PAGE));
                    List<Page> pages = new ArrayList<>();
                    while (true) {
                        pages.add(page);
                        forward.addAll(ids(page));
                        if (!page.more()) {
                            break;
                        }
                        page = directory.query(tenant, ResourceType.USER, query(filter, sort, descending, 1, PAGE)
                                .seeking(new Seek(page.last(), false)));
                        assertThat(page.totalResults()).as("a keyset page is not counted")
                                .isEqualTo(Page.NOT_COUNTED);
                    }
                    assertThat(forward).as(what).isEqualTo(all);

                    List<String> backward = new ArrayList<>(ids(page));
                    while (true) {
                        Page before = directory.query(tenant, ResourceType.USER, query(filter, sort, descending, 1,
                                PAGE).seeking(new Seek(page.first(), true)));
                        assertThat(before.resources()).as(what).hasSize(PAGE); // read backward, shown in order
                        backward.addAll(0, ids(before));
                        page = before;
                        if (!before.more()) {
                            break;
                        }
                    }
                    assertThat(backward).as(what + ", read back from the last page").isEqualTo(all);
                }
            }
        }
    }

    /**
     * Pages by offset ({@code startIndex}) hold the rows of the one big page, also where a page spans the named users
     * and the unnamed ones of a descending display-name sort, and past the named ones: that sort reads its two runs
     * apart on SQLite (one index for both directions, V29).
     */
    @Test
    void pagesByOffsetHoldExactlyTheSortedRows() {
        for (String sort : List.of("displayName", "userName")) {
            for (boolean descending : List.of(false, true)) {
                for (Filter filter : filters()) {
                    String what = sort + (descending ? " descending" : "") + " " + filter;
                    List<String> all = ids(directory.query(tenant, ResourceType.USER,
                            query(filter, sort, descending, 1, 10 * USERS)));
                    List<String> paged = new ArrayList<>();
                    for (int start = 1; start <= all.size() + PAGE; start += PAGE) {
                        Page page = directory.query(tenant, ResourceType.USER, query(filter, sort, descending, start,
                                PAGE));
                        assertThat(page.totalResults()).as(what).isEqualTo(all.size());
                        paged.addAll(ids(page));
                    }
                    assertThat(paged).as(what).isEqualTo(all);
                }
            }
        }
    }

    /** Named users first, by name then id, backwards; then the unnamed, by id backwards (RFC 7644 §3.4.2.3). */
    @Test
    void aDescendingDisplayNameSortPutsTheUnnamedLast() {
        List<StoredResource> all = directory.query(tenant, ResourceType.USER,
                query(null, "displayName", true, 1, 10 * USERS)).resources();
        Comparator<StoredResource> byName = Comparator.comparing(
                (StoredResource r) -> r.doc().path("displayName").asText().toLowerCase(Locale.ROOT))
                .thenComparing(StoredResource::id);
        List<StoredResource> named = all.stream().filter(r -> r.doc().has("displayName")).sorted(byName.reversed())
                .toList();
        List<StoredResource> unnamed = all.stream().filter(r -> !r.doc().has("displayName"))
                .sorted(Comparator.comparing(StoredResource::id).reversed()).toList();
        assertThat(unnamed).hasSize(USERS / 5);
        List<StoredResource> expected = new ArrayList<>(named);
        expected.addAll(unnamed);
        assertThat(all.stream().map(StoredResource::id).toList())
                .isEqualTo(expected.stream().map(StoredResource::id).toList());
        // a page that begins among the named users and ends among the unnamed
        Page across = directory.query(tenant, ResourceType.USER, query(null, "displayName", true, named.size() - 9, 20));
        assertThat(ids(across)).isEqualTo(all.subList(named.size() - 10, named.size() + 10).stream()
                .map(StoredResource::id).toList());
    }

    @Test
    void usersAddedAndRemovedBetweenPagesDisturbNoOneWhoStayed() {
        for (String sort : List.of("displayName", "title", "userName")) {
            for (boolean descending : List.of(false, true)) {
                List<String> before = ids(directory.query(tenant, ResourceType.USER,
                        query(null, sort, descending, 1, 10 * USERS)));
                // Between pages: a user removed from far ahead, one just behind, and two new ones.
                ChurningWalk walk = new ChurningWalk(before, directory.query(tenant, ResourceType.USER,
                        query(null, sort, descending, 1, PAGE)), page -> directory.query(tenant, ResourceType.USER,
                        query(null, sort, descending, 1, PAGE).seeking(new Seek(page.last(), false))),
                        gone -> directory.delete(tenant, ResourceType.USER, gone, null), () -> {
                            add(USERS + added++);
                            add(USERS + added++);
                        });
                assertThat(walk.seen).as(sort).doesNotHaveDuplicates().containsAll(walk.stayed(before));
            }
        }
    }

    @Test
    void aPositionOfTheWrongKindIsRefusedBeforeTheStoreIsAsked() {
        Query byStatus = query(null, "active", false, 1, PAGE).seeking(new Seek(new Position("yes", "x"), false));
        assertThatThrownBy(() -> directory.query(tenant, ResourceType.USER, byStatus))
                .isInstanceOf(IllegalArgumentException.class);
        Query byName = query(null, "userName", false, 1, PAGE).seeking(new Seek(new Position(true, "x"), false));
        assertThatThrownBy(() -> directory.query(tenant, ResourceType.USER, byName))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsPageByTheirNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            names.add(directory.create(tenant, ResourceType.GROUP, Docs.group(String.format("G %03d", i)), List.of())
                    .id());
        }
        List<String> seen = new ArrayList<>();
        Query q = new Query(null, AttrPath.of("displayName"), false, 1, 40, false);
        Page page = directory.query(tenant, ResourceType.GROUP, q);
        seen.addAll(ids(page));
        while (page.more()) {
            page = directory.query(tenant, ResourceType.GROUP, q.seeking(new Seek(page.last(), false)));
            seen.addAll(ids(page));
        }
        assertThat(seen).isEqualTo(names);
    }
}
