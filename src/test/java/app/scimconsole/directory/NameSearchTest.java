package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's "contains" search through the trigram index (SQLite's FTS5 table, PostgreSQL's pg_trgm in
 * {@link NameSearchPostgresTest}) finds exactly the users the search found before it: userName or displayName
 * containing the text, in any case (Java's lower case of both), nothing normalized beyond that (a full-width name
 * is not its ASCII twin), for texts of one, two and more characters, Japanese included, and still after renames and
 * deletes, on SQLite before and after the trigram index caught up with the writes. The reference is the definition
 * itself, computed here from the stored names.
 */
class NameSearchTest extends OneTenantDirectoryTest {
    private static final List<String[]> PEOPLE = List.of(
            new String[] {"Alice.Anderson@example.com", "Alice Anderson"},
            new String[] {"bob@example.com", "Bob O'Brien"},
            new String[] {"ALAN@Example.com", null},
            new String[] {"yamada.taro@example.jp", "山田 太郎"},
            new String[] {"yamada.hanako@example.jp", "山田 花子"},
            new String[] {"tanaka@example.jp", "田中 一郎"},
            new String[] {"ｆｕｌｌ@example.jp", "ＦＵＬＬ Width"},
            new String[] {"percent%under_score@example.com", "Say \"hi\""},
            new String[] {"user-4213@example.com", "User 4213"},
            new String[] {"user-42130@example.com", "User 42130"},
            new String[] {"user-1342@example.com", "User 1342"},
            new String[] {"ÉLODIE@example.fr", "Élodie Ünal"});
    private static final List<String> SEARCHES = List.of("a", "A", "al", "AL", "ali", "alice anderson", "example",
            "EXAMPLE.COM", "山", "山田", "山田 太", "田中", "太郎", "full", "ｆｕｌｌ", "ｆｕ", "%", "%u", "_s", "under_",
            "\"hi\"", "'br", "o'brien", "user-4", "user-421", "4213", "213@", "ér", "élodie", "ÉLO", "ünal",
            "zzz", "xyz", "u", "13", "user 4");

    final Map<String, String[]> names = new HashMap<>();

    /** On SQLite the trigram index is filled when found() says (each search is made before and after it). */
    @Override
    SqliteDirectory openSqlite(Path folder) {
        return SqliteDirectory.open(folder, Clock.systemUTC(), TimeUnit.DAYS.toMillis(1));
    }

    @BeforeEach
    void addPeople() {
        String other = directory.createTenant().id();
        for (String[] p : PEOPLE) {
            names.put(directory.create(tenant, ResourceType.USER, doc(p[0], p[1]), List.of()).id(), p);
            directory.create(other, ResourceType.USER, doc(p[0], p[1]), List.of()); // never found in tenant
        }
    }

    @Test
    void everySearchFindsTheUsersWhoseNameContainsItInAnyCase() {
        for (String s : SEARCHES) {
            assertThat(found(consoleSearch(s))).as("search %s", s).isEqualTo(expected(s));
        }
    }

    @Test
    void scimFiltersOnOneNameFindTheSameAsBefore() {
        for (String s : SEARCHES) {
            Filter userName = new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, new Literal.Str(s));
            String lower = s.toLowerCase(Locale.ROOT);
            Set<String> expected = names.entrySet().stream()
                    .filter(e -> e.getValue()[0].toLowerCase(Locale.ROOT).contains(lower))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            assertThat(found(userName)).as("userName co %s", s).isEqualTo(expected);
        }
    }

    @Test
    void theSearchCombinesWithTheStatusFilter() {
        String suspendedId = names.entrySet().stream().filter(e -> e.getValue()[0].startsWith("yamada.taro"))
                .findFirst().orElseThrow().getKey();
        StoredResource suspended = directory.get(tenant, ResourceType.USER, suspendedId, false).orElseThrow();
        ObjectNode doc = suspended.doc().deepCopy();
        doc.put("active", false);
        directory.update(tenant, ResourceType.USER, suspendedId, new Update(suspended.version(), doc, null, true),
                null);
        Filter active = new Filter.Compare(AttrPath.of("active"), CompareOp.EQ, new Literal.Bool(true));
        Set<String> expected = new TreeSet<>(expected("山田"));
        expected.remove(suspendedId);
        assertThat(found(new Filter.And(consoleSearch("山田"), active))).hasSize(1).isEqualTo(expected);
    }

    @Test
    void renamedAndDeletedUsersAreFoundByTheirNewNamesOnly() {
        String aliceId = names.entrySet().stream().filter(e -> e.getValue()[0].startsWith("Alice"))
                .findFirst().orElseThrow().getKey();
        StoredResource alice = directory.get(tenant, ResourceType.USER, aliceId, false).orElseThrow();
        directory.update(tenant, ResourceType.USER, aliceId,
                new Update(alice.version(), doc("Zoe.Quinn@example.com", "Zoe Quinn"), null, true), null);
        names.put(aliceId, new String[] {"Zoe.Quinn@example.com", "Zoe Quinn"});
        String bobId = names.entrySet().stream().filter(e -> e.getValue()[0].startsWith("bob"))
                .findFirst().orElseThrow().getKey();
        directory.delete(tenant, ResourceType.USER, bobId, null, null);
        names.remove(bobId);
        // A change that keeps both names (a title) leaves the user findable.
        String tanakaId = names.entrySet().stream().filter(e -> e.getValue()[0].startsWith("tanaka"))
                .findFirst().orElseThrow().getKey();
        StoredResource tanaka = directory.get(tenant, ResourceType.USER, tanakaId, false).orElseThrow();
        ObjectNode titled = tanaka.doc().deepCopy();
        titled.put("title", "部長");
        directory.update(tenant, ResourceType.USER, tanakaId, new Update(tanaka.version(), titled, null, true), null);

        for (String s : List.of("alice", "anderson", "zoe", "quinn", "bob", "o'brien", "田中", "tanaka", "ex")) {
            assertThat(found(consoleSearch(s))).as("search %s", s).isEqualTo(expected(s));
        }
        assertThat(expected("quinn")).containsExactly(aliceId);
        assertThat(expected("田中")).containsExactly(tanakaId);
    }

    private static ObjectNode doc(String userName, String displayName) {
        ObjectNode doc = user(userName);
        if (displayName != null) {
            doc.put("displayName", displayName);
        }
        return doc;
    }

    /** What AdminService asks for the console's search box. */
    private static Filter consoleSearch(String s) {
        Literal text = new Literal.Str(s);
        return new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, text),
                new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, text));
    }

    private Set<String> expected(String search) {
        String lower = search.toLowerCase(Locale.ROOT);
        Set<String> ids = new TreeSet<>();
        names.forEach((id, p) -> {
            for (String name : p) {
                if (name != null && name.toLowerCase(Locale.ROOT).contains(lower)) {
                    ids.add(id);
                }
            }
        });
        return ids;
    }

    /**
     * Every page of the query; on SQLite, before and after the trigram index is brought up to date (V27: the users
     * written since it last ran are found by the search itself), which must not change what is found.
     */
    private Set<String> found(Filter filter) {
        Set<String> found = pages(filter);
        if (directory instanceof SqliteDirectory sqlite && sqlite.indexNames() > 0) {
            assertThat(pages(filter)).as("once indexed").isEqualTo(found);
        }
        return found;
    }

    /** Every page of the query, sorted by userName, three at a time; no id twice. */
    private Set<String> pages(Filter filter) {
        List<String> ids = new ArrayList<>();
        for (int start = 1; ; start += 3) {
            List<StoredResource> page = directory.query(tenant, ResourceType.USER,
                    new Query(filter, AttrPath.of("userName"), false, start, 3, false, 10)).resources();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(r -> ids.add(r.id()));
        }
        assertThat(ids).doesNotHaveDuplicates();
        return new TreeSet<>(ids);
    }
}
