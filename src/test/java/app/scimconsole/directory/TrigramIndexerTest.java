package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trigram index filled after the writes (V27, {@link TrigramIndexer}): what a search finds is the same before
 * the indexer ran (the new, renamed and deleted users are found by the search's own look at what is not indexed yet)
 * and after (they are in the index as they are now). The indexer waits here until the test runs it.
 */
class TrigramIndexerTest {
    @TempDir
    Path dir;
    SqliteDirectory directory;
    String tenant;

    @BeforeEach
    void open() {
        directory = SqliteDirectory.open(dir, Clock.systemUTC(), TimeUnit.DAYS.toMillis(1));
        tenant = directory.createTenant().id();
    }

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void aUserCreatedAndAtOnceSearchedIsFound() {
        String id = create("yamada.taro@example.jp", "山田 太郎");
        create("tanaka@example.jp", "田中 一郎");
        assertThat(indexed("yam")).as("not in the index yet").isZero();
        assertThat(search("yamada")).containsExactly(id);
        assertThat(search("山田 太")).containsExactly(id);

        assertThat(directory.indexNames()).isEqualTo(2);
        assertThat(indexed("yam")).isEqualTo(1);
        assertThat(search("yamada")).containsExactly(id);
        assertThat(search("山田 太")).containsExactly(id);
        assertThat(directory.indexNames()).as("nothing left").isZero();
    }

    @Test
    void aRenamedUserIsFoundByTheNewNameAndNotTheOld() {
        String id = create("alice.anderson@example.com", "Alice Anderson");
        directory.indexNames();
        rename(id, "zoe.quinn@example.com", "Zoe Quinn");
        assertThat(indexed("ali")).as("the index still holds the old name").isEqualTo(1);
        assertThat(search("quinn")).containsExactly(id);
        assertThat(search("alice")).isEmpty();

        assertThat(directory.indexNames()).isEqualTo(1);
        assertThat(indexed("ali")).isZero();
        assertThat(indexed("qui")).isEqualTo(1);
        assertThat(search("quinn")).containsExactly(id);
        assertThat(search("alice")).isEmpty();
    }

    @Test
    void aUserRenamedBeforeTheIndexerRanIsIndexedByTheNewName() {
        String id = create("alice.anderson@example.com", "Alice Anderson");
        rename(id, "zoe.quinn@example.com", "Zoe Quinn");
        assertThat(search("quinn")).containsExactly(id);
        assertThat(directory.indexNames()).isEqualTo(1);
        assertThat(indexed("ali")).isZero();
        assertThat(search("quinn")).containsExactly(id);
        assertThat(search("alice")).isEmpty();
    }

    @Test
    void aDeletedUserIsNotFoundAtAll() {
        String bob = create("bob@example.com", "Bob O'Brien");
        String unindexed = create("bobby@example.com", null);
        directory.indexNames(); // bob indexed...
        String late = create("bobbie@example.com", null); // ...this one not
        directory.delete(tenant, ResourceType.USER, bob, null, null);
        directory.delete(tenant, ResourceType.USER, late, null, null);
        assertThat(search("bob")).containsExactly(unindexed);

        directory.indexNames();
        assertThat(indexed("bob")).as("the deleted user's entry is gone").isEqualTo(1);
        assertThat(search("bob")).containsExactly(unindexed);
    }

    @Test
    void aNewUserOnTheRowidOfADeletedOneIsFoundByItsOwnName() {
        create("first@example.com", null);
        String last = create("carol@example.com", "Carol");
        directory.indexNames();
        directory.delete(tenant, ResourceType.USER, last, null, null);
        directory.indexNames(); // the deleted row's entry is removed; the next row takes its rowid
        String reused = create("dave@example.com", "Dave");
        assertThat(rowid(reused)).as("SQLite gave the new row the deleted last row's rowid").isLessThanOrEqualTo(
                indexedTo());
        assertThat(search("dave")).containsExactly(reused);
        assertThat(search("carol")).isEmpty();

        assertThat(directory.indexNames()).isEqualTo(1);
        assertThat(search("dave")).containsExactly(reused);
        assertThat(search("carol")).isEmpty();
    }

    @Test
    void theIndexerRunsByItselfAMomentAfterTheWrites() throws Exception {
        directory.close();
        directory = SqliteDirectory.open(dir, Clock.systemUTC(), 10);
        String id = create("yamada.hanako@example.jp", "山田 花子");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a bound on a broken indexer only
        while (indexed("hanako") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(indexed("hanako")).isEqualTo(1);
        assertThat(search("hanako")).containsExactly(id);
    }

    private String create(String userName, String displayName) {
        return directory.create(tenant, ResourceType.USER, doc(userName, displayName), List.of()).id();
    }

    private void rename(String id, String userName, String displayName) {
        StoredResource before = directory.get(tenant, ResourceType.USER, id, false).orElseThrow();
        directory.update(tenant, ResourceType.USER, id, new Update(before.version(), doc(userName, displayName), null,
                true), null);
    }

    private static ObjectNode doc(String userName, String displayName) {
        ObjectNode doc = user(userName);
        if (displayName != null) {
            doc.put("displayName", displayName);
        }
        return doc;
    }

    /** The console's search: userName or displayName contains the text. */
    private List<String> search(String text) {
        String quoted = "\"" + text.replace("\"", "\\\"") + "\"";
        return directory.query(tenant, ResourceType.USER, new Query(FilterParser.parseFilter("userName co " + quoted
                + " or displayName co " + quoted), null, false, 1, 100, false)).resources().stream()
                .map(StoredResource::id).toList();
    }

    /** How many entries of the index itself hold every trigram of {@code text}. */
    private long indexed(String text) {
        return number("SELECT COUNT(*) FROM users_text WHERE users_text MATCH ?",
                TrigramSearch.matchExpression(TrigramSearch.trigrams(text)));
    }

    private long rowid(String id) {
        return number("SELECT rowid FROM users WHERE id = ?", id);
    }

    private long indexedTo() {
        return number("SELECT indexed_to FROM users_text_state", null);
    }

    private long number(String sql, String param) {
        return directory.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
