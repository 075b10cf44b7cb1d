package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.Seek;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages of groups and of a group's members (the Groups view's next and previous pages) on a real SQLite file
 * (and on PostgreSQL in {@link GroupKeysetPagingPostgresTest}): walked forward and back they hold exactly the rows of
 * the one big page in the same order, by either plan of {@link MemberPages} (a group's members sorted, or the users'
 * name index walked), and with groups or members added and removed between pages every one that stayed is seen once.
 */
class GroupKeysetPagingTest extends OneTenantDirectoryTest {
    private static final int USERS = 1_200;
    private static final int PAGE = 37;
    private static final AttrPath BY_NAME = AttrPath.of("displayName");

    List<String> users = new ArrayList<>();
    int added;

    @BeforeEach
    void addUsers() {
        for (int i = 0; i < USERS; i++) {
            users.add(addUser().id());
        }
    }

    /** Names that do not follow creation order, so that the name order is not the order of the ids or rows. */
    private StoredResource addUser() {
        int n = added++;
        return directory.create(tenant, ResourceType.USER, user(String.format("u-%05d@x.com", (n * 7919) % 100_000)),
                List.of());
    }

    private static List<String> ids(Page page) {
        return page.resources().stream().map(StoredResource::id).toList();
    }

    /** The group's members by userName, as the one big page of users sorted by userName holds them. */
    private List<String> expectedMembers(Set<String> members) {
        return ids(directory.query(tenant, ResourceType.USER, new Query(null, Directory.MEMBERS_ORDER, false, 1,
                10 * USERS, false))).stream().filter(members::contains).toList();
    }

    private String group(String name, List<String> members) {
        return directory.create(tenant, ResourceType.GROUP, Docs.group(name), members).id();
    }

    private void changeMembers(String group, MemberChange.Kind kind, String member) {
        long version = directory.get(tenant, ResourceType.GROUP, group, false).orElseThrow().version();
        directory.update(tenant, ResourceType.GROUP, group, new Update(version, null,
                List.of(new MemberChange(kind, List.of(member))), false), null);
    }

    @Test
    void membersPageByUserNameByEitherPlanForwardAndBack() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < USERS; i += 2) {
            many.add(users.get(i));
        }
        List<String> few = List.of(users.get(5), users.get(600), users.get(1_199), users.get(77), users.get(301));
        String large = group("Large", many);
        String small = group("Small", few);
        for (int threshold : new int[] {MemberPages.MANY, 3}) { // every group sorted; then every group walked
            directory.manyMembers = threshold;
            for (String g : List.of(large, small)) {
                String what = (g.equals(large) ? "600 members" : "5 members") + ", plan above " + threshold;
                List<String> all = expectedMembers(new HashSet<>(g.equals(large) ? many : few));
                Page page = directory.members(tenant, g, 1, PAGE, null);
                assertThat(page.totalResults()).as(what).isEqualTo(all.size());
                List<String> forward = new ArrayList<>(ids(page));
                while (page.more()) {
                    page = directory.members(tenant, g, 1, PAGE, new Seek(page.last(), false));
                    assertThat(page.totalResults()).as("a keyset page is not counted").isEqualTo(Page.NOT_COUNTED);
                    forward.addAll(ids(page));
                }
                assertThat(forward).as(what).isEqualTo(all);
                List<String> backward = new ArrayList<>(ids(page));
                while (true) {
                    Page before = directory.members(tenant, g, 1, PAGE, new Seek(page.first(), true));
                    backward.addAll(0, ids(before));
                    page = before;
                    if (!before.more()) {
                        break;
                    }
                }
                assertThat(backward).as(what + ", read back from the last page").isEqualTo(all);
                assertThat(ids(directory.members(tenant, g, PAGE + 1, PAGE, null))).as(what + " at an offset")
                        .isEqualTo(all.subList(Math.min(all.size(), PAGE), Math.min(all.size(), 2 * PAGE)));
            }
        }
    }

    @Test
    void membersJoiningAndLeavingBetweenPagesDisturbNoOneWhoStayed() {
        for (int threshold : new int[] {MemberPages.MANY, 3}) {
            directory.manyMembers = threshold;
            List<String> present = ids(directory.query(tenant, ResourceType.USER, new Query(null, null, false, 1,
                    10 * USERS, false)));
            List<String> initial = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                initial.add(present.get(i * 3));
            }
            String g = group("Moving " + threshold, initial);
            List<String> before = expectedMembers(new HashSet<>(initial));
            // Between pages a member leaves from far ahead, a member just shown is deleted, two users join.
            ChurningWalk walk = new ChurningWalk(before, directory.members(tenant, g, 1, PAGE, null),
                    page -> directory.members(tenant, g, 1, PAGE, new Seek(page.last(), false)), gone -> {
                        if (before.indexOf(gone) % 2 == 0) {
                            changeMembers(g, MemberChange.Kind.REMOVE, gone);
                        } else {
                            directory.delete(tenant, ResourceType.USER, gone, null);
                        }
                    }, () -> {
                        changeMembers(g, MemberChange.Kind.ADD, addUser().id());
                        changeMembers(g, MemberChange.Kind.ADD, addUser().id());
                    });
            assertThat(walk.seen).as("plan above " + threshold).doesNotHaveDuplicates()
                    .containsAll(walk.stayed(before));
        }
    }

    @Test
    void groupsAddedAndRemovedBetweenPagesDisturbNoOneWhoStayed() {
        for (int i = 0; i < 300; i++) {
            group(String.format("G %04d", (i * 37) % 1000), List.of());
        }
        Query byName = new Query(null, BY_NAME, false, 1, PAGE, false);
        List<String> before = ids(directory.query(tenant, ResourceType.GROUP, new Query(null, BY_NAME, false, 1,
                10_000, false)));
        int[] made = {0};
        ChurningWalk walk = new ChurningWalk(before, directory.query(tenant, ResourceType.GROUP, byName),
                page -> directory.query(tenant, ResourceType.GROUP, byName.seeking(new Seek(page.last(), false))),
                gone -> directory.delete(tenant, ResourceType.GROUP, gone, null), () -> {
                    group("New " + made[0]++, List.of()); // after every "G …" name
                    group("A new " + made[0]++, List.of()); // before them all
                });
        List<String> stayed = walk.stayed(before);
        assertThat(walk.seen).doesNotHaveDuplicates().containsAll(stayed);
        assertThat(walk.seen).as("groups added ahead of the walk are reached").hasSizeGreaterThan(stayed.size());
    }

    @Test
    void aGroupOfAnotherTenantHasNoMembersHere() {
        String g = group("Ours", users.subList(0, 10));
        String other = directory.createTenant().id();
        for (int threshold : new int[] {MemberPages.MANY, 3}) {
            directory.manyMembers = threshold;
            assertThat(directory.members(tenant, g, 1, PAGE, null).resources()).hasSize(10);
            Page theirs = directory.members(other, g, 1, PAGE, null);
            assertThat(theirs.totalResults()).isZero();
            assertThat(theirs.resources()).isEmpty();
        }
    }
}
