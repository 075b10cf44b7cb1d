package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Change;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group's membership history is what really changed, not what a request named: over real HTTP, with the PATCH
 * shapes Entra sends (capitalised ops, {@code $ref: null}, removal by value list and by {@code members[value eq …]}),
 * an add of a member already there or a remove of one who is not records "no change", and a replace of the whole
 * list (PATCH or PUT) records exactly who joined and who left.
 */
class MembershipHistoryTest extends ScimServiceTestBase {
    private String alice;
    private String bob;
    private String carol;
    private String group;

    @BeforeEach
    void aTeamWithAlice() {
        alice = user("alice");
        bob = user("bob");
        carol = user("carol");
        group = created(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Team\"}"));
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + alice + "\"}]}");
        assertThat(latest().history().changes()).containsExactly(new Change("members", null, alice));
    }

    @Test
    void addingAMemberAlreadyThereIsNoChange() {
        long version = version();
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + alice + "\"}]}");
        assertNoChange();
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void anAddOfSeveralRecordsOnlyThoseWhoWereNotMembers() {
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + alice + "\"},"
                + "{\"$ref\":null,\"value\":\"" + bob + "\"}]}");
        assertThat(latest().code()).isEqualTo("activity.membersChanged");
        assertThat(latest().args()).containsExactly("1", "0");
        assertThat(latest().history().changes()).containsExactly(new Change("members", null, bob));
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsNoChangeInEitherOfEntrasRemoveShapes() {
        patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
        assertNoChange();
        patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + carol + "\\\"]\"}");
        assertNoChange();
        assertThat(members()).containsExactly(alice);
    }

    @Test
    void removingAMemberRecordsOnlyTheMember() {
        patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\" or value eq \\\"" + bob
                + "\\\"]\"}");
        assertThat(latest().history().changes()).containsExactly(new Change("members", alice, null));
        assertThat(latest().args()).containsExactly("0", "1");
        assertThat(members()).isEmpty();
    }

    @Test
    void aReplaceOfTheMembersRecordsExactlyWhoJoinedAndWhoLeft() {
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
        patch("{\"op\":\"Replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"},{\"value\":\""
                + carol + "\"}]}");
        assertThat(latest().history().changes()).containsExactly(new Change("members", null, carol),
                new Change("members", alice, null));
        assertThat(latest().args()).containsExactly("1", "1");
        assertThat(members()).containsExactlyInAnyOrder(bob, carol);

        long version = version();
        patch("{\"op\":\"replace\",\"value\":{\"members\":[{\"value\":\"" + carol + "\"},{\"value\":\"" + bob
                + "\"}]}}");
        assertNoChange();
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void removingEveryMemberNamesEachOneWhoLeft() {
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
        patch("{\"op\":\"Remove\",\"path\":\"members\"}");
        assertThat(latest().history().changes()).containsExactlyInAnyOrder(new Change("members", alice, null),
                new Change("members", bob, null));
        patch("{\"op\":\"Remove\",\"path\":\"members\"}");
        assertNoChange();
    }

    @Test
    void aMemberAddedAndRemovedByOneRequestNeitherJoinedNorLeft() {
        patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]},"
                + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + bob + "\\\"]\"}");
        assertNoChange();
    }

    @Test
    void aPutRecordsTheEffectiveMembershipAndNoChangeWhenTheSame() {
        put("Team", alice, bob);
        assertThat(latest().history().changes()).containsExactly(new Change("members", null, bob));
        put("Team", bob, alice);
        assertNoChange();
        put("Team", carol);
        assertThat(latest().history().changes()).containsExactlyInAnyOrder(new Change("members", null, carol),
                new Change("members", alice, null), new Change("members", bob, null));
    }

    private void assertNoChange() {
        Activity a = latest();
        assertThat(a.code()).isEqualTo("activity.unchanged");
        assertThat(a.history().changes()).isEmpty();
    }

    private void patch(String operations) {
        HttpJson.Response r = scim.send("PATCH", "/Groups/" + group, HttpJson.PATCH_JSON + "\"Operations\":["
                + operations + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
    }

    private void put(String name, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        HttpJson.Response r = scim.put("/Groups/" + group, HttpJson.GROUP_JSON + "\"displayName\":\"" + name
                + "\",\"members\":[" + members + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private Activity latest() {
        return directory.activityOf(tenantId, group, 1).get(0);
    }

    private long version() {
        return directory.get(tenantId, app.scimconsole.scim.ResourceType.GROUP, group, false).orElseThrow().version();
    }

    private List<String> members() {
        return directory.get(tenantId, app.scimconsole.scim.ResourceType.GROUP, group, true).orElseThrow().members()
                .stream().map(m -> m.value()).toList();
    }

    private String user(String name) {
        return created(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + name + "@testuser.com\"}"));
    }

    private static String created(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }
}
