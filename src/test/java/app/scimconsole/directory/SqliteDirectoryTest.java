package app.scimconsole.directory;

import app.scimconsole.testing.ManualClock;
import static app.scimconsole.directory.Docs.group;
import static app.scimconsole.directory.Docs.json;
import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.GroupRef;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Tenant;
import app.scimconsole.directory.Directory.Token;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDirectoryTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00.123456Z");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private SqliteDirectory directory;
    private String tenant;

    @BeforeEach
    void open() {
        directory = SqliteDirectory.open(dir.resolve("data"), clock);
        tenant = directory.createTenant().id();
    }

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void createsTheDataFolderAndFileForTheOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("scim-console.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void reopeningKeepsTheDataAndMigratesNothingTwice() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        directory.close();
        directory = SqliteDirectory.open(dir.resolve("data"), clock);
        assertThat(directory.get(tenant, ResourceType.USER, alice.id(), false)).isPresent();
    }

    // ---- users ---------------------------------------------------------------------------------

    @Test
    void newIdsGrowWithTheTimeOfTheirCreateSoThatACommitsCreatesShareTheIndexesLastPages() {
        List<StoredResource> created = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            created.add(directory.create(tenant, ResourceType.USER, user("u" + i + "@x.com"), List.of()));
            created.add(directory.create(tenant, ResourceType.GROUP, group("g" + i), List.of()));
            clock.advance(Duration.ofMillis(i % 3)); // some in the same millisecond: still unique, still in order
        }
        for (StoredResource r : created) {
            java.util.UUID id = java.util.UUID.fromString(r.id());
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(r.created().toEpochMilli());
        }
        assertThat(created.stream().map(StoredResource::id).distinct()).hasSize(created.size());
        for (int i = 1; i < created.size(); i++) {
            if (created.get(i).created().isAfter(created.get(i - 1).created())) {
                assertThat(created.get(i).id()).isGreaterThan(created.get(i - 1).id());
            }
        }
    }

    @Test
    void createsAndReadsAUser() {
        ObjectNode doc = json("{'userName':'Alice@X.com','externalId':'e-1','displayName':'Alice',"
                + "'emails':[{'type':'work','value':'alice@x.com'}],'id':'ignored','meta':{'version':'W/\\'9\\''}}");
        StoredResource created = directory.create(tenant, ResourceType.USER, doc, List.of());

        assertThat(created.id()).matches("[0-9a-f-]{36}").isNotEqualTo("ignored");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.created()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(created.lastModified()).isEqualTo(created.created());
        assertThat(created.doc().has("id")).isFalse();
        assertThat(created.doc().has("meta")).isFalse();
        assertThat(created.doc().get("userName").asText()).isEqualTo("Alice@X.com");
        assertThat(created.groups()).isEmpty();
        assertThat(directory.get(tenant, ResourceType.USER, created.id(), false)).contains(created);
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());

        assertThatThrownBy(() -> directory.create(tenant, ResourceType.USER, user("ALICE@x.com"), List.of()))
                .isInstanceOfSatisfying(StorageOutcome.class, e -> {
                    assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.DUPLICATE);
                    assertThat(e.args()).containsExactly("userName", "ALICE@x.com");
                });
    }

    @Test
    void uniquenessIsPerTenant() {
        String other = directory.createTenant().id();
        directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource there = directory.create(other, ResourceType.USER, user("alice@x.com"), List.of());

        assertThat(directory.get(tenant, ResourceType.USER, there.id(), false)).isEmpty();
    }

    @Test
    void renamingOntoATakenUserNameIsADuplicateAndChangesNothing() {
        directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource bob = directory.create(tenant, ResourceType.USER, user("bob@x.com"), List.of());

        assertThatThrownBy(() -> update(ResourceType.USER, bob.id(), new Update(1, user("Alice@X.com"), List.of(), false)))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.DUPLICATE));
        assertThat(directory.get(tenant, ResourceType.USER, bob.id(), false)).contains(bob);
    }

    @Test
    void updateChangesVersionAndLastModifiedOnlyOnARealChange() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        clock.advance(Duration.ofSeconds(5));

        assertThat(update(ResourceType.USER, alice.id(), new Update(1, null, List.of(), false))).isEqualTo(alice);

        ObjectNode changed = alice.doc().deepCopy().put("title", "CEO");
        StoredResource updated = update(ResourceType.USER, alice.id(), new Update(1, changed, List.of(), false));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.lastModified()).isEqualTo(alice.lastModified().plusSeconds(5));
        assertThat(updated.created()).isEqualTo(alice.created());
        assertThat(updated.doc().get("title").asText()).isEqualTo("CEO");
    }

    @Test
    void anUpdatesAnswerIsTheRowAsItReadsAfterwards() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of(alice.id()));
        clock.advance(Duration.ofSeconds(5));

        ObjectNode titled = alice.doc().deepCopy().put("title", "CEO").put("count", 7L).put("ratio", 0.25);
        titled.putObject("extra").put("big", new java.math.BigDecimal("1.50")).put("small", (short) 2);
        StoredResource answer = update(ResourceType.USER, alice.id(), new Update(1, titled, List.of(), false));
        assertThat(answer).isEqualTo(directory.get(tenant, ResourceType.USER, alice.id(), false).orElseThrow());
        assertThat(answer.groups()).containsExactly(new GroupRef(sales.id(), "Sales"));
        assertThat(answer.doc().toString()).as("as the stored text reads back").contains("\"big\":1.5,");

        ObjectNode plain = answer.doc().deepCopy().put("title", "CTO");
        plain.remove("extra");
        StoredResource again = update(ResourceType.USER, alice.id(), new Update(2, plain, List.of(), false));
        assertThat(again).isEqualTo(directory.get(tenant, ResourceType.USER, alice.id(), false).orElseThrow());
        assertThat(again.version()).isEqualTo(3);

        StoredResource renamed = directory.update(tenant, ResourceType.GROUP, sales.id(), new Update(1,
                group("Sales EMEA"), List.of(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of())), false, true),
                null);
        assertThat(renamed).isEqualTo(directory.get(tenant, ResourceType.GROUP, sales.id(), true).orElseThrow());
        assertThat(renamed.version()).as("one version for the document and its members").isEqualTo(2);
    }

    @Test
    void aWriteFromAnOldVersionIsAConflictAndAnUnknownIdIsNotFound() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());

        assertThatThrownBy(() -> update(ResourceType.USER, alice.id(), new Update(7, user("x"), List.of(), false)))
                .isInstanceOfSatisfying(StorageOutcome.class, e -> {
                    assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.VERSION_CONFLICT);
                    assertThat(e.args()).containsExactly(alice.id(), "7", "1");
                });
        assertThat(directory.get(tenant, ResourceType.USER, alice.id(), false)).contains(alice);
        assertThatThrownBy(() -> directory.delete(tenant, ResourceType.USER, alice.id(), 2L))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.VERSION_CONFLICT));
        assertThatThrownBy(() -> update(ResourceType.USER, "nope", new Update(1, user("x"), List.of(), false)))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.NOT_FOUND));
        assertThatThrownBy(() -> update(ResourceType.USER, "nope", new Update(1, null, List.of(), false)))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.NOT_FOUND));
        assertThatThrownBy(() -> directory.delete(tenant, ResourceType.GROUP, alice.id(), null))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.NOT_FOUND));
        assertThat(directory.get(tenant, ResourceType.USER, "nope", false)).isEmpty();
    }

    @Test
    void membershipChangesNeedNoVersionUnlessPinned() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of());
        update(ResourceType.GROUP, sales.id(), new Update(1, group("Sales").put("externalId", "s"), List.of(), false));

        MemberChange add = new MemberChange(MemberChange.Kind.ADD, List.of(alice.id()));
        assertThatThrownBy(() -> update(ResourceType.GROUP, sales.id(), new Update(1, null, List.of(add), true)))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.VERSION_CONFLICT));
        assertThat(members(sales.id())).isEmpty();

        StoredResource after = update(ResourceType.GROUP, sales.id(), new Update(1, null, List.of(add), false));
        assertThat(after.version()).isEqualTo(3);
        assertThat(members(sales.id())).extracting(Member::value).containsExactly(alice.id());
    }

    @Test
    void deletesAUser() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        directory.delete(tenant, ResourceType.USER, alice.id(), 1L);

        assertThat(directory.get(tenant, ResourceType.USER, alice.id(), false)).isEmpty();
        directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of()); // the name is free again
    }

    @Test
    void aUserWithoutUserNameIsNeverWritten() {
        assertThatThrownBy(() -> directory.create(tenant, ResourceType.USER, json("{'displayName':'x'}"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.query(tenant, ResourceType.USER, new Directory.Query(null, null, false, 1, 0, false))
                .totalResults()).isZero();
    }

    // ---- groups and memberships --------------------------------------------------------------

    @Test
    void groupDisplayNamesAreUniqueIgnoringCase() {
        directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of());

        assertThatThrownBy(() -> directory.create(tenant, ResourceType.GROUP, group("SALES"), List.of()))
                .isInstanceOfSatisfying(StorageOutcome.class,
                        e -> assertThat(e.args()).containsExactly("displayName", "SALES"));
    }

    @Test
    void membershipsAreAddedRemovedAndShownOnBothSides() {
        StoredResource alice = directory.create(tenant, ResourceType.USER,
                user("alice@x.com").put("displayName", "Alice"), List.of());
        StoredResource bob = directory.create(tenant, ResourceType.USER, user("bob@x.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of(alice.id()));
        assertThat(sales.members()).containsExactly(new Member(alice.id(), "User", "Alice"));

        StoredResource afterAdd = update(ResourceType.GROUP, sales.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.ADD, List.of(bob.id()))), true));
        assertThat(afterAdd.version()).isEqualTo(2);
        assertThat(afterAdd.members()).isEmpty(); // members only when asked for
        assertThat(members(sales.id())).containsExactlyInAnyOrder(
                new Member(alice.id(), "User", "Alice"), new Member(bob.id(), "User", "bob@x.com"));
        assertThat(directory.get(tenant, ResourceType.USER, bob.id(), false).orElseThrow().groups())
                .containsExactly(new GroupRef(sales.id(), "Sales"));

        StoredResource again = update(ResourceType.GROUP, sales.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.ADD, List.of(bob.id()))), false));
        assertThat(again.version()).as("adding a member twice is no change").isEqualTo(2);

        update(ResourceType.GROUP, sales.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.REMOVE, List.of(alice.id()))), false));
        assertThat(members(sales.id())).extracting(Member::value).containsExactly(bob.id());

        update(ResourceType.GROUP, sales.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of())), false));
        assertThat(members(sales.id())).isEmpty();
    }

    @Test
    void deletingAUserDropsItsMembershipsAndDeletingAGroupDropsItsOwn() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource bob = directory.create(tenant, ResourceType.USER, user("bob@x.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"),
                List.of(alice.id(), bob.id()));

        directory.delete(tenant, ResourceType.USER, alice.id(), null);
        assertThat(members(sales.id())).extracting(Member::value).containsExactly(bob.id());

        directory.delete(tenant, ResourceType.GROUP, sales.id(), null);
        assertThat(directory.get(tenant, ResourceType.USER, bob.id(), false).orElseThrow().groups()).isEmpty();
    }

    @Test
    void membersMustBeUsersOfTheSameTenant() {
        String other = directory.createTenant().id();
        StoredResource stranger = directory.create(other, ResourceType.USER, user("eve@y.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of());

        assertThatThrownBy(() -> update(ResourceType.GROUP, sales.id(),
                new Update(1, null, List.of(new MemberChange(MemberChange.Kind.ADD, List.of(stranger.id()))), false)))
                .isInstanceOfSatisfying(StorageOutcome.class, e -> {
                    assertThat(e.kind()).isEqualTo(StorageOutcome.Kind.UNKNOWN_MEMBER);
                    assertThat(e.args()).containsExactly(stranger.id());
                });
        assertThat(members(sales.id())).isEmpty();
    }

    @Test
    void aFailedUpdateRollsBackEverything() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        StoredResource sales = directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of(alice.id()));

        assertThatThrownBy(() -> update(ResourceType.GROUP, sales.id(), new Update(1, group("Renamed"), List.of(
                        new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of()),
                        new MemberChange(MemberChange.Kind.ADD, List.of("no-such-user"))), false)))
                .isInstanceOf(StorageOutcome.class);
        StoredResource unchanged = directory.get(tenant, ResourceType.GROUP, sales.id(), true).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.doc().get("displayName").asText()).isEqualTo("Sales");
        assertThat(unchanged.members()).extracting(Member::value).containsExactly(alice.id());
    }

    private StoredResource update(ResourceType type, String id, Update update) {
        return directory.update(tenant, type, id, update, null);
    }

    private List<Member> members(String groupId) {
        return directory.get(tenant, ResourceType.GROUP, groupId, true).orElseThrow().members();
    }

    // ---- paging and sorting --------------------------------------------------------------------

    @Test
    void pagesWithStartIndexAndCount() {
        for (int i = 1; i <= 11; i++) {
            directory.create(tenant, ResourceType.USER, user(String.format("user%02d@x.com", i)), List.of());
            clock.advance(Duration.ofMillis(1));
        }
        Page second = directory.query(tenant, ResourceType.USER, new Query(null, null, false, 6, 5, false));
        assertThat(second.totalResults()).isEqualTo(11);
        assertThat(second.startIndex()).isEqualTo(6);
        assertThat(userNames(second)).containsExactly(
                "user06@x.com", "user07@x.com", "user08@x.com", "user09@x.com", "user10@x.com");

        Page last = directory.query(tenant, ResourceType.USER, new Query(null, null, false, 11, 5, false));
        assertThat(userNames(last)).containsExactly("user11@x.com");

        Page onlyTotal = directory.query(tenant, ResourceType.USER, new Query(null, null, false, 1, 0, false));
        assertThat(onlyTotal.totalResults()).isEqualTo(11);
        assertThat(onlyTotal.resources()).isEmpty();

        Page beyond = directory.query(tenant, ResourceType.USER, new Query(null, null, false, 50, 5, false));
        assertThat(beyond.totalResults()).isEqualTo(11);
        assertThat(beyond.resources()).isEmpty();

        Page clamped = directory.query(tenant, ResourceType.USER, new Query(null, null, false, -3, 2, false));
        assertThat(clamped.startIndex()).isEqualTo(1);
        assertThat(userNames(clamped)).containsExactly("user01@x.com", "user02@x.com");
    }

    @Test
    void sortsByAttributesWithMissingValuesLast() {
        directory.create(tenant, ResourceType.USER, json("{'userName':'b','name':{'familyName':'Young'}}"), List.of());
        directory.create(tenant, ResourceType.USER, json("{'userName':'C','name':{'familyName':'adams'}}"), List.of());
        directory.create(tenant, ResourceType.USER, json("{'userName':'a'}"), List.of());

        assertThat(userNames(sorted("userName", false))).containsExactly("a", "b", "C");
        assertThat(userNames(sorted("userName", true))).containsExactly("C", "b", "a");
        assertThat(userNames(sorted("name.familyName", false))).containsExactly("C", "b", "a");
        assertThat(userNames(sorted("name.familyName", true))).containsExactly("b", "C", "a");
    }

    @Test
    void sortsAMultiValuedAttributeByItsPrimaryValue() {
        directory.create(tenant, ResourceType.USER, json("{'userName':'one','emails':[{'value':'z@x'},"
                + "{'value':'a@x','primary':false}]}"), List.of());
        directory.create(tenant, ResourceType.USER, json("{'userName':'two','emails':[{'value':'b@x'},"
                + "{'value':'y@x','primary':true}]}"), List.of());

        assertThat(userNames(sorted("emails.value", false))).containsExactly("two", "one");
    }

    @Test
    void sortingByAnUnknownAttributeIsInvalidValue() {
        assertThatThrownBy(() -> sorted("shoeSize", false)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @Test
    void listedGroupsCarryMembersOnlyWhenAsked() {
        StoredResource alice = directory.create(tenant, ResourceType.USER, user("alice@x.com"), List.of());
        directory.create(tenant, ResourceType.GROUP, group("Sales"), List.of(alice.id()));
        directory.create(tenant, ResourceType.GROUP, group("Empty"), List.of());

        Page with = directory.query(tenant, ResourceType.GROUP, new Query(null, AttrPath.of("displayName"),
                false, 1, 10, true));
        assertThat(with.resources()).extracting(r -> r.members().size()).containsExactly(0, 1);
        Page without = directory.query(tenant, ResourceType.GROUP, new Query(null, null, false, 1, 10, false));
        assertThat(without.resources()).allSatisfy(r -> assertThat(r.members()).isEmpty());
    }

    @Test
    void filteredPagesAreRightWhetherTheMatchesAreFewOrMany() {
        int n = (int) ResourceRows.FEW_MATCHES + 50;
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("u%04d@x.com", i);
            // e-mail addresses sort opposite to creation, so the two orders cannot be confused
            directory.create(tenant, ResourceType.USER, json("{'userName':'" + name + "','emails':[{'value':'"
                    + String.format("%04d@mail", n - i) + "','primary':true}]}"), List.of());
            clock.advance(Duration.ofMillis(1));
            all.add(name);
        }
        // many matches: the page is read by walking the creation order
        Page many = directory.query(tenant, ResourceType.USER,
                new Query(app.scimconsole.scim.FilterParser.parseFilter("userName co \"@x\""), null, false, 1001, 10, false));
        assertThat(many.totalResults()).isEqualTo(n);
        assertThat(userNames(many)).isEqualTo(all.subList(1000, 1010));

        // few matches: filtered first, then sorted, by creation and by a multi-valued attribute
        List<String> sevens = all.stream().filter(u -> u.contains("7")).toList();
        assertThat((long) sevens.size()).isLessThanOrEqualTo(ResourceRows.FEW_MATCHES);
        Page few = directory.query(tenant, ResourceType.USER,
                new Query(app.scimconsole.scim.FilterParser.parseFilter("userName co \"7\""), null, false, 11, 20, false));
        assertThat(few.totalResults()).isEqualTo(sevens.size());
        assertThat(userNames(few)).isEqualTo(sevens.subList(10, 30));
        Page fewByMail = directory.query(tenant, ResourceType.USER,
                new Query(app.scimconsole.scim.FilterParser.parseFilter("userName co \"7\""),
                        app.scimconsole.scim.FilterParser.parseAttrPath("emails.value"), false, 1, 5, false));
        List<String> lastFive = new java.util.ArrayList<>(sevens.subList(sevens.size() - 5, sevens.size()));
        java.util.Collections.reverse(lastFive);
        assertThat(userNames(fewByMail)).isEqualTo(lastFive);
    }

    private Page sorted(String attribute, boolean descending) {
        return directory.query(tenant, ResourceType.USER,
                new Query(null, app.scimconsole.scim.FilterParser.parseAttrPath(attribute), descending, 1, 10, false));
    }

    private static List<String> userNames(Page page) {
        return page.resources().stream().map(r -> r.doc().get("userName").asText()).toList();
    }

    // ---- tenants, tokens, activity -----------------------------------------------------------

    @Test
    void theDefaultTenantIsTheOldest() {
        clock.advance(Duration.ofSeconds(1));
        Tenant second = directory.createTenant();
        assertThat(directory.defaultTenant()).map(Tenant::id).contains(tenant);
        assertThat(directory.tenant(second.id())).contains(second);

        directory.setScimEnabled(second.id(), false);
        assertThat(directory.tenant(second.id()).orElseThrow().scimEnabled()).isFalse();
    }

    @Test
    void aNewTokenCanRevokeTheOthersAfterAnOverlapWindow() {
        Token first = directory.addToken(tenant, new byte[] {1, 2, 3}, null);
        Instant overlapEnds = START.plus(Duration.ofHours(1));
        Token second = directory.addToken(tenant, new byte[] {4, 5}, overlapEnds);

        assertThat(directory.activeTokens(tenant, START.plusSeconds(60))).extracting(Token::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(directory.activeTokens(tenant, overlapEnds)).extracting(Token::id).containsExactly(second.id());
        assertThat(token(second.id()).hash()).containsExactly(4, 5);
        assertThat(token(second.id()).expires()).isNull();
        assertThat(token(first.id()).expires()).isEqualTo(Instant.parse("2024-05-01T11:00:00.123Z"));

        directory.recordTokenUse(second.id(), START.plusSeconds(30));
        assertThat(token(second.id()).lastUsed()).isEqualTo(Instant.parse("2024-05-01T10:00:30.123Z"));

        directory.revokeAllTokens(tenant);
        assertThat(directory.activeTokens(tenant, clock.instant())).isEmpty();
    }

    private Token token(String id) {
        return directory.activeTokens(tenant, START).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void activityIsReadNewestFirst() {
        String other = directory.createTenant().id();
        for (int i = 1; i <= 3; i++) {
            directory.log(new Activity(0, null, tenant, "CREATE", "User", "id" + i, "u" + i, "success",
                    "activity.created", List.of(), null, i == 1 ? null : "203.0.113.7"));
        }
        directory.log(new Activity(0, START, other, "DELETE", "User", "x", null, "rejected", "activity.rejected",
                List.of("404", "", "User 'x' does not exist."), null, "2001:db8::1"));

        List<Activity> latest = directory.activity(tenant, 2);
        assertThat(latest).extracting(Activity::resourceId).containsExactly("id3", "id2");
        assertThat(latest).extracting(Activity::clientAddress).containsExactly("203.0.113.7", "203.0.113.7");
        assertThat(directory.activity(other, 1)).extracting(Activity::clientAddress).containsExactly("2001:db8::1");
        assertThat(directory.activity(tenant, 3).get(2).clientAddress()).isNull();
        assertThat(latest.get(0).seq()).isGreaterThan(latest.get(1).seq());
        assertThat(latest.get(0).time()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(directory.activity(null, 10)).hasSize(4);
        assertThat(directory.activity(other, 1).get(0).args()).containsExactly("404", "", "User 'x' does not exist.");
        assertThat(latest.get(0).code()).isEqualTo("activity.created");
    }
}
