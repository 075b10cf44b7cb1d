package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.admin.AdminApi.ActivityQuery;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.admin.AdminApi.UserQuery;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.AdminClient;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.domains.Challenge;
import app.scimconsole.service.AdminCredentials;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's admin API over real HTTP (AdminClient → AdminEndpoint → AdminService), after real SCIM traffic. */
class AdminApiTest extends ScimServiceTestBase {
    private AdminApi admin;

    @BeforeEach
    void connect() {
        admin = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
    }

    private String createUser(String userName, String extra) {
        HttpJson.Response r = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + userName + "\",\"emails\":[{\"type\":\"work\",\"value\":\""
                + userName + "\"}]" + extra + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void federationTrustsAreAddedListedAndRemovedThroughTheAdminApi() {
        String tid = "11111111-2222-4333-8444-555555555555";
        AdminApi.FederationTrustAdded added = admin.addFederationTrust(
                new AdminApi.NewFederationTrust(tid, "sub-1", "api://app-1/.default", null));
        assertThat(added.tokenEndpoint()).startsWith(runtime.server().config().baseUrl() + "/oauth2/v1/")
                .endsWith("/token");
        assertThat(added.keysUrl()).isEqualTo("https://login.microsoftonline.com/" + tid + "/discovery/v2.0/keys");
        List<AdminApi.FederationTrust> trusts = admin.federationTrusts();
        assertThat(trusts).extracting(AdminApi.FederationTrust::clientId).containsExactly(added.clientId());
        assertThat(trusts.get(0).audience()).isEqualTo("api://app-1");
        assertThat(trusts.get(0).lastUsedAt()).isNull();

        for (String[] bad : List.of(new String[] {"contoso", null, "admin.federation.entraTenantInvalid"},
                new String[] {tid, "http://keys.example.com/keys", "admin.federation.keysUrlNotHttps"})) {
            assertThatThrownBy(() -> admin.addFederationTrust(new AdminApi.NewFederationTrust(bad[0], "s", "a",
                    bad[1]))).isInstanceOfSatisfying(AdminException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.why().code()).isEqualTo(bad[2]);
                    });
        }

        admin.removeFederationTrust(added.clientId());
        assertThat(admin.federationTrusts()).isEmpty();
        assertThatThrownBy(() -> admin.removeFederationTrust(added.clientId()))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void webhooksAreAddedListedAndRemovedThroughTheAdminApi() {
        AdminApi.WebhookAdded added = admin.addWebhook("https://203.0.113.10/hook",
                List.of("user.created", "user.deleted"));
        assertThat(added.secret()).startsWith("whsec_");
        List<AdminApi.WebhookEntry> hooks = admin.webhooks();
        assertThat(hooks).extracting(AdminApi.WebhookEntry::id).containsExactly(added.id());
        assertThat(hooks.get(0).events()).containsExactly("user.created", "user.deleted");
        assertThat(hooks.get(0).state()).isEqualTo("HEALTHY");
        assertThat(hooks.get(0).backlog()).isZero();
        assertThat(hooks.get(0).lastSuccessAt()).isNull();
        assertThat(hooks.toString()).doesNotContain(added.secret());

        for (String[] bad : List.of(new String[] {"https://10.0.0.7/hook", "admin.webhook.urlPrivate"},
                new String[] {"http://203.0.113.10/hook", "admin.webhook.urlNotHttps"},
                new String[] {"https://127.0.0.1/hook", "admin.webhook.urlPrivate"})) {
            assertThatThrownBy(() -> admin.addWebhook(bad[0], null)).isInstanceOfSatisfying(AdminException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.why().code()).isEqualTo(bad[1]);
            });
        }
        assertThatThrownBy(() -> admin.addWebhook("https://203.0.113.10/hook", List.of("user.renamed")))
                .isInstanceOfSatisfying(AdminException.class,
                        e -> assertThat(e.why().code()).isEqualTo("admin.webhook.unknownEventType"));

        createUser("ann@testuser.com", "");
        AdminApi.WebhookReplayed replayed = admin.replayWebhook(added.id(), "0");
        assertThat(replayed.after()).isEqualTo("0");
        assertThat(replayed.backlog()).as("user.created is one of its types").isEqualTo(1);
        assertThat(replayed.eventsLost()).isFalse();
        assertThat(admin.webhooks().get(0).backlog()).isEqualTo(1);
        for (String[] bad : List.of(new String[] {"999", "admin.webhook.cursorBeyondNewest"},
                new String[] {"last week", "admin.webhook.cursorInvalid"})) {
            assertThatThrownBy(() -> admin.replayWebhook(added.id(), bad[0])).isInstanceOfSatisfying(
                    AdminException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.why().code()).isEqualTo(bad[1]);
                        assertThat(e.why().args().get(0)).isEqualTo(bad[0]);
                    });
        }
        AdminApi.WebhookSecretRotated rotated = admin.rotateWebhookSecret(added.id());
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(added.secret());
        assertThat(rotated.previousSecretValidUntil()).isAfter(Instant.now().plusSeconds(23 * 3600));
        assertThat(admin.webhooks().toString()).doesNotContain(rotated.secret());

        admin.removeWebhook(added.id());
        assertThat(admin.webhooks()).isEmpty();
        assertThatThrownBy(() -> admin.replayWebhook(added.id(), "0"))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> admin.rotateWebhookSecret(added.id()))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> admin.removeWebhook(added.id()))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void overviewCountsUsersGroupsCoverageAndRejections() {
        createUser("ann@testuser.com", ",\"displayName\":\"Ann\",\"title\":\"CEO\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Board\"}");
        String bob = createUser("bob@testuser.com", ",\"displayName\":\"Bob\"");
        scim.patch("/Users/" + bob, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\"}");
        assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"eve@elsewhere.example\"}").status()).isEqualTo(400);

        AdminApi.Overview o = admin.overview();
        assertThat(o.tenantId()).isEqualTo(tenantId);
        assertThat(o.tenantUrl()).isEqualTo(tenantUrl);
        assertThat(o.scimEnabled()).isTrue();
        assertThat(o.tokenCreated()).isNotNull();
        assertThat(o.lastRequest()).isNotNull();
        assertThat(o.activeUsers()).isEqualTo(1);
        assertThat(o.suspendedUsers()).isEqualTo(1);
        assertThat(o.groups()).isEqualTo(1);
        assertThat(o.rejectedLastDay()).isEqualTo(1);
        assertThat(o.unverifiedRejectedDomains()).containsExactly("elsewhere.example");
        AdminApi.MappingCoverage c = o.coverage();
        assertThat(c.users()).isEqualTo(2);
        assertThat(c.userName()).isEqualTo(2);
        assertThat(c.displayName()).isEqualTo(2);
        assertThat(c.title()).isEqualTo(1);
        assertThat(c.workEmail()).isEqualTo(2);
        assertThat(c.department()).isEqualTo(1);
    }

    @Test
    void aWarningAboutARefusedDomainLastsOnlyUntilTheDomainIsVerified() {
        assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"eve@elsewhere.example\"}").status()).isEqualTo(400);
        assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"tom@later.example\"}").status()).isEqualTo(400);
        assertThat(admin.overview().unverifiedRejectedDomains()).containsExactly("later.example", "elsewhere.example");

        dns.zone("later.example", 1, 300, 60);
        verify("later.example");

        assertThat(admin.overview().unverifiedRejectedDomains()).containsExactly("elsewhere.example");
        assertThat(admin.overview().rejectedLastDay()).as("the refusals themselves stay in the log").isEqualTo(2);
    }

    @Test
    void usersSearchStatusDomainAndDetail() {
        String ann = createUser("ann@testuser.com", ",\"displayName\":\"Ann Archer\",\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Archer\"}");
        String bob = createUser("bob@testuser.com", ",\"displayName\":\"Bob Baker\"");
        scim.patch("/Users/" + bob, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]}");

        assertThat(admin.users(new UserQuery("arch", UserStatus.ANY, null, "userName", false, 1, 50)).users())
                .extracting(AdminApi.UserRow::id).containsExactly(ann);
        assertThat(admin.users(new UserQuery(null, UserStatus.SUSPENDED, null, null, false, 1, 50)).users())
                .extracting(AdminApi.UserRow::userName).containsExactly("bob@testuser.com");
        assertThat(admin.users(new UserQuery(null, UserStatus.ANY, "testuser.com", "userName", true, 1, 50)).users())
                .extracting(AdminApi.UserRow::userName).containsExactly("bob@testuser.com", "ann@testuser.com");
        assertThat(admin.users(new UserQuery(null, UserStatus.ANY, "other.example", null, false, 1, 50)).totalResults()).isZero();
        AdminApi.UserPage page = admin.users(new UserQuery(null, UserStatus.ANY, null, "userName", false, 2, 1));
        assertThat(page.totalResults()).isEqualTo(2);
        assertThat(page.users()).extracting(AdminApi.UserRow::userName).containsExactly("bob@testuser.com");

        AdminApi.UserDetail d = admin.user(ann);
        assertThat(d.givenName()).isEqualTo("Ann");
        assertThat(d.familyName()).isEqualTo("Archer");
        assertThat(d.suspendedSince()).isNull();
        assertThat(d.resource()).contains("\"userName\" : \"ann@testuser.com\"");
        assertThat(admin.user(bob).suspendedSince()).isNotNull();
        assertThatThrownBy(() -> admin.users(new UserQuery(null, UserStatus.ANY, null, "password", false, 1, 5)))
                .isInstanceOf(AdminException.class).hasMessageContaining("cannot be sorted");
        assertThatThrownBy(() -> admin.user("no-such-id")).isInstanceOf(AdminException.class)
                .satisfies(e -> assertThat(((AdminException) e).status()).isEqualTo(404));
    }

    @Test
    void usersPageByCursorsForwardAndBackCountedOnceAndForgedCursorsAreRefused() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(createUser(String.format("kp-%02d@testuser.com", i), i % 4 == 0 ? ""
                    : ",\"displayName\":\"Same " + (i % 3) + "\""));
        }
        for (String sort : new String[] {"displayName", "userName", "active", null}) {
            for (boolean descending : new boolean[] {false, true}) {
                UserQuery q = new UserQuery("kp-", UserStatus.ANY, null, sort, descending, 1, 4);
                List<String> all = admin.users(new UserQuery("kp-", UserStatus.ANY, null, sort, descending, 1, 100))
                        .users().stream().map(AdminApi.UserRow::id).toList();
                assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
                List<String> seen = new java.util.ArrayList<>();
                AdminApi.UserPage page = admin.users(q);
                assertThat(page.previousCursor()).isNull();
                while (true) {
                    assertThat(page.totalResults()).isEqualTo(23);
                    assertThat(page.startIndex()).isEqualTo(seen.size() + 1);
                    page.users().forEach(u -> seen.add(u.id()));
                    if (page.nextCursor() == null) {
                        break;
                    }
                    page = admin.users(q.at(page.nextCursor()));
                }
                assertThat(seen).as(sort + " " + descending).isEqualTo(all);
                AdminApi.UserPage back = admin.users(q.at(page.previousCursor()));
                assertThat(back.users()).extracting(AdminApi.UserRow::id).isEqualTo(all.subList(16, 20));
                assertThat(back.startIndex()).isEqualTo(17);
            }
        }
        UserQuery byName = new UserQuery("kp-", UserStatus.ANY, null, "displayName", false, 1, 4);
        String next = admin.users(byName).nextCursor();
        assertThatThrownBy(() -> admin.users(new UserQuery("kp-", UserStatus.ANY, null, "userName", false, 1, 4)
                .at(next))).isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.why().code()).isEqualTo("admin.cursorOfAnotherQuery");
                });
        String json = new String(java.util.Base64.getUrlDecoder().decode(next), java.nio.charset.StandardCharsets.UTF_8);
        String wrongKind = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replaceFirst("\"k\":(\"[^\"]*\"|null)", "\"k\":true").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String forged : new String[] {"x", "%%%", next.substring(0, next.length() / 2), wrongKind,
                java.util.Base64.getUrlEncoder().encodeToString("[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            assertThatThrownBy(() -> admin.users(byName.at(forged))).as(forged)
                    .isInstanceOfSatisfying(AdminException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.why().code()).isEqualTo("admin.cursorMalformed");
                    });
        }
    }

    /**
     * The Users view's sorts that no index holds (title, e-mail, department) are offered only while at most the limit
     * of users match (10,000 in use, 12 here): above it, the first page and a page by cursor alike are 400 with the
     * reason as data; at the limit, or narrowed by a search, they are sorted; sorts an index holds are always served.
     */
    @Test
    void aSortNoIndexHoldsIsOfferedOnlyWhileAtMostTheLimitOfUsersMatch() {
        List<String> byTitle = new java.util.ArrayList<>();
        for (int i = 0; i < 13; i++) {
            createUser(String.format("so-%02d@testuser.com", i), ",\"title\":\"Title " + (char) ('z' - i) + "\"");
            byTitle.add(0, String.format("so-%02d@testuser.com", i));
        }
        runtime.core().unindexedSorts().limit(12);
        for (String sort : new String[] {"title", "emails.value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}) {
            for (boolean descending : new boolean[] {false, true}) {
                assertThatThrownBy(() -> admin.users(new UserQuery(null, UserStatus.ANY, null, sort, descending, 1, 5)))
                        .as(sort).isInstanceOfSatisfying(AdminException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.why()).isEqualTo(Reason.of("scim.problem.SORT_NEEDS_NARROWER_LIST", sort, 12));
                        });
            }
        }
        for (String indexed : new String[] {"userName", "displayName", "active", "meta.lastModified", null}) {
            assertThat(admin.users(new UserQuery(null, UserStatus.ANY, null, indexed, true, 1, 5)).totalResults())
                    .as(indexed).isEqualTo(13);
        }

        UserQuery narrowed = new UserQuery("so-0", UserStatus.ANY, null, "title", false, 1, 100);
        assertThat(admin.users(narrowed).users()).extracting(AdminApi.UserRow::userName)
                .as("ten users match a search: sorted").isEqualTo(byTitle.subList(3, 13));

        runtime.core().unindexedSorts().limit(13);
        UserQuery all = new UserQuery(null, UserStatus.ANY, null, "title", false, 1, 5);
        List<String> seen = new java.util.ArrayList<>();
        AdminApi.UserPage page = admin.users(all);
        String second = page.nextCursor();
        while (true) {
            page.users().forEach(u -> seen.add(u.userName()));
            if (page.nextCursor() == null) {
                break;
            }
            page = admin.users(all.at(page.nextCursor()));
        }
        assertThat(seen).as("exactly at the limit: every page, sorted").isEqualTo(byTitle);

        runtime.core().unindexedSorts().limit(12);
        assertThatThrownBy(() -> admin.users(all.at(second))).as("a page by cursor of a list now above the limit")
                .isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.why().code()).isEqualTo("scim.problem.SORT_NEEDS_NARROWER_LIST");
                });
    }

    @Test
    void aSearchOrIdWithTextNoValueCanHoldFindsNothingOnEitherEngine() {
        createUser("ann@testuser.com", ",\"displayName\":\"Ann\"");
        String staff = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\"}").json().path("id").asText();
        for (String hostile : new String[] {"an\u0000n", "\ud800", "ann\udfff"}) {
            assertThat(admin.users(new UserQuery(hostile, UserStatus.ANY, null, null, false, 1, 5)).totalResults())
                    .as(hostile).isZero();
            assertThat(admin.users(new UserQuery(null, UserStatus.ANY, "test\u0000user.com", null, false, 1, 5))
                    .totalResults()).isZero();
            assertThat(admin.groups(hostile, 1, 5).totalResults()).isZero();
            // In the path, a NUL (which the HTTP server cannot read) names nothing, as other such text names nothing.
            if (hostile.contains("\u0000")) {
                assertThatThrownBy(() -> admin.groupMembers(staff + hostile, 1, 5)).isInstanceOf(AdminException.class)
                        .satisfies(e -> assertThat(((AdminException) e).status()).isEqualTo(404));
            } else {
                assertThat(admin.groupMembers(staff + hostile, 1, 5).totalResults()).as(hostile).isZero();
            }
            assertThatThrownBy(() -> admin.user(hostile)).isInstanceOf(AdminException.class)
                    .satisfies(e -> assertThat(((AdminException) e).status()).as(hostile).isEqualTo(404));
        }
        assertThat(admin.users(new UserQuery("ann", UserStatus.ANY, null, null, false, 1, 5)).totalResults()).isOne();
    }

    @Test
    void groupsWithMemberCountsAndMembers() {
        String ann = createUser("ann@testuser.com", "");
        String bob = createUser("bob@testuser.com", "");
        String staff = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Staff\"}").json().path("id").asText();
        scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Empty\"}");
        scim.patch("/Groups/" + staff, EntraReplayTest.memberOp("Add", ann));
        scim.patch("/Groups/" + staff, EntraReplayTest.memberOp("Add", bob));

        AdminApi.GroupPage groups = admin.groups(null, 1, 50);
        assertThat(groups.groups()).extracting(AdminApi.GroupRow::displayName).containsExactly("Empty", "Staff");
        assertThat(groups.groups()).extracting(AdminApi.GroupRow::memberCount).containsExactly(0L, 2L);
        assertThat(admin.groups("sta", 1, 50).groups()).hasSize(1);
        assertThat(admin.groupMembers(staff, 1, 50).users()).extracting(AdminApi.UserRow::userName)
                .containsExactly("ann@testuser.com", "bob@testuser.com");
        assertThat(admin.users(new UserQuery("ann", UserStatus.ANY, null, null, false, 1, 5)).users().get(0).groups())
                .containsExactly("Staff");
    }

    @Test
    void groupsAndAGroupsMembersPageByCursorsCountedOnceAndACursorOfAnotherListIsRefused() {
        List<String> groupIds = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            groupIds.add(scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Team " + (char) ('k' - i)
                    + "\"}").json().path("id").asText());
        }
        java.util.Collections.reverse(groupIds); // by name: Team a … Team k
        AdminApi.GroupQuery q = new AdminApi.GroupQuery("team", 1, 4, null);
        List<String> seen = new java.util.ArrayList<>();
        AdminApi.GroupPage page = admin.groups(q);
        assertThat(page.previousCursor()).isNull();
        while (true) {
            assertThat(page.totalResults()).isEqualTo(11);
            assertThat(page.startIndex()).isEqualTo(seen.size() + 1);
            page.groups().forEach(g -> seen.add(g.id()));
            if (page.nextCursor() == null) {
                break;
            }
            page = admin.groups(q.at(page.nextCursor()));
        }
        assertThat(seen).isEqualTo(groupIds);
        AdminApi.GroupPage back = admin.groups(q.at(page.previousCursor()));
        assertThat(back.groups()).extracting(AdminApi.GroupRow::id).isEqualTo(groupIds.subList(4, 8));
        assertThat(back.startIndex()).isEqualTo(5);

        String team = groupIds.get(0);
        List<String> members = new java.util.ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            String id = createUser("gm-" + i + "@testuser.com", "");
            members.add(0, id);
            scim.patch("/Groups/" + team, EntraReplayTest.memberOp("Add", id));
        }
        List<String> listed = new java.util.ArrayList<>();
        AdminApi.UserPage p = admin.groupMembers(team, 1, 3, null);
        while (true) {
            assertThat(p.totalResults()).isEqualTo(10);
            p.users().forEach(u -> listed.add(u.id()));
            if (p.nextCursor() == null) {
                break;
            }
            p = admin.groupMembers(team, 1, 3, p.nextCursor());
        }
        assertThat(listed).as("by userName").isEqualTo(members);
        assertThat(admin.groupMembers(team, 1, 3, p.previousCursor()).users()).extracting(AdminApi.UserRow::id)
                .isEqualTo(members.subList(6, 9));

        String groupsCursor = admin.groups(q).nextCursor();
        String membersCursor = admin.groupMembers(team, 1, 3, null).nextCursor();
        for (Runnable wrongList : new Runnable[] {() -> admin.groupMembers(team, 1, 3, groupsCursor),
            () -> admin.groups(q.at(membersCursor)), () -> admin.groupMembers(groupIds.get(1), 1, 3, membersCursor),
            () -> admin.groups(new AdminApi.GroupQuery("team k", 1, 4, groupsCursor))}) {
            assertThatThrownBy(wrongList::run).isInstanceOfSatisfying(AdminException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.why().code()).isEqualTo("admin.cursorOfAnotherQuery");
            });
        }
        assertThatThrownBy(() -> admin.groups(q.at("x"))).isInstanceOfSatisfying(AdminException.class,
                e -> assertThat(e.why().code()).isEqualTo("admin.cursorMalformed"));
    }

    @Test
    void activityFiltersByOutcomeAndText() {
        createUser("ann@testuser.com", "");
        scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"eve@elsewhere.example\"}");
        assertThat(admin.activity(new ActivityQuery(Outcome.REJECTED, null, 50))).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo(Reason.of("scim.problem.DOMAIN_NOT_VERIFIED",
                        "elsewhere.example")));
        assertThat(admin.activity(new ActivityQuery(Outcome.SUCCESS, "ann@", 50))).extracting(AdminApi.ActivityEntry::operation)
                .containsExactly("CREATE");
        assertThat(admin.activity(new ActivityQuery(Outcome.ANY, null, 50)).get(0).userName()).isEqualTo("eve@elsewhere.example");
    }

    @Test
    void domainsAddVerifyAndRemove() {
        AdminApi.DomainEntry added = admin.addDomain("Example.ORG.");
        assertThat(added.domain()).isEqualTo("example.org");
        assertThat(added.recordType()).isEqualTo("TXT");
        assertThat(added.recordName()).isEqualTo("_scim-console-challenge.example.org");
        assertThat(added.status()).isEqualTo("PENDING");
        assertThat(added.summary()).as("not checked yet").isNull();
        dns.zone("example.org", 1, 300, 60);
        AdminApi.DomainEntry pending = admin.verifyDomain("example.org");
        assertThat(pending.status()).isEqualTo("PENDING");
        // What the check found travels as a code and its arguments, for the console to say in its language.
        assertThat(pending.summary().code()).isEqualTo("domain.check.noSuchNameCached");
        assertThat(pending.summary().args().get(0)).isEqualTo("_scim-console-challenge.example.org");
        assertThat(Instant.parse(pending.summary().args().get(1))).isAfter(pending.lastChecked());
        assertThat(pending.diagnoses()).isEmpty();
        dns.txt(added.recordName(), added.recordValue());
        AdminApi.DomainEntry verified = admin.verifyDomain("example.org");
        assertThat(verified.status()).isEqualTo("VERIFIED");
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(verified.summary()).isEqualTo(
                new Reason("domain.check.verifiedByServer", List.of("_scim-console-challenge.example.org")));
        assertThat(admin.domains()).extracting(AdminApi.DomainEntry::domain).contains("example.org", "testuser.com");
        // and the SCIM service now accepts its users
        assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"z@example.org\"}").status()).isEqualTo(201);

        admin.removeDomain("example.org");
        assertThat(admin.domains()).extracting(AdminApi.DomainEntry::domain).doesNotContain("example.org");
        assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"y@example.org\"}").status()).isEqualTo(400);
        assertThatThrownBy(() -> admin.addDomain("not a domain")).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.why()).isEqualTo(new Reason("domain.name.badCharacters", List.of("not a domain")));
        });
        assertThatThrownBy(() -> admin.removeDomain("example.org")).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.why()).isEqualTo(new Reason("domain.error.notRegistered", List.of("example.org")));
        });
    }

    @Test
    void scimAppEnableRotateDisableThroughTheAdminApi() {
        String fresh = admin.rotateToken(0);
        assertThat(scim.get("/Users").status()).isEqualTo(401);
        scim.token(fresh);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        admin.disableScim();
        assertThat(admin.overview().scimEnabled()).isFalse();
        assertThat(scim.get("/Users").status()).isEqualTo(401);
        AdminApi.Credentials again = admin.enableScim();
        assertThat(again.tenantUrl()).isEqualTo(tenantUrl);
        scim.token(again.secretToken());
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(again.toString()).doesNotContain(again.secretToken());
    }

    @Test
    void duringARotationsOverlapTheOverviewShowsBothTokensWithTheirLastUse() {
        assertThat(scim.get("/Users").status()).isEqualTo(200); // the first token is used
        String fresh = admin.rotateToken(60);
        assertThat(scim.get("/Users").status()).as("the old token keeps working").isEqualTo(200);
        List<AdminApi.TokenInfo> tokens = admin.overview().tokens();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).lastUsed()).as("the new token, newest first, not used yet").isNull();
        assertThat(tokens.get(0).expires()).isNull();
        assertThat(tokens.get(1).lastUsed()).isNotNull();
        assertThat(tokens.get(1).expires()).isAfter(java.time.Instant.now().plusSeconds(55 * 60));
        scim.token(fresh);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(admin.overview().tokens().get(0).lastUsed()).isNotNull();
        admin.rotateToken(0);
        assertThat(admin.overview().tokens()).as("without an overlap, only the newest works").hasSize(1);
    }

    @Test
    void anUnknownPathIs404AndAKnownOneWithAnotherMethodIs405WithAllow() {
        HttpJson http = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        HttpJson.Response unknown = http.get("/users/u1/anything");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("status").asText()).isEqualTo("404");
        assertThat(unknown.json().path("detail").asText()).isEqualTo("No such admin operation.");

        HttpJson.Response put = http.put("/domains", "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
        assertThat(put.json().path("detail").asText()).isEqualTo("PUT is not allowed here; use GET, POST.");
        assertThat(http.get("/scim/enable").header("Allow")).isEqualTo("POST");
        assertThat(http.get("/domains/example.org").header("Allow")).isEqualTo("DELETE");

        HttpJson.Response badCount = http.get("/users?count=many");
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(badCount.json().path("detail").asText()).isEqualTo("count must be a whole number.");
        assertThat(http.post("/domains", "{\"name\": [").status()).as("a ScimException from the JSON parser")
                .isEqualTo(400);
        assertThat(http.send("GET", "/users/u1/anything", null, "Origin", "https://evil.example").status())
                .as("web pages are refused before routing").isEqualTo(403);
        assertThat(new HttpJson(runtime.adminUrl(), "nope").get("/nothing").status())
                .as("no route is told to anyone without the credential").isEqualTo(401);
    }

    /**
     * Issue 21: the console window's watch for an outage reads the storage's state alone, behind the same admin
     * credential as every operation; the store works, so there is none.
     */
    @Test
    void theStorageStateSaysNoOutageWhileTheStoreWorks() {
        createUser("ann@testuser.com", "");
        assertThat(admin.storageState().outage()).isNull();
        assertThat(new HttpJson(runtime.adminUrl(), "nope").get("/storage").status()).isEqualTo(401);
        assertThat(admin.overview().storageOutage()).isNull();
    }

    @Test
    void wrongCredentialBrowserOriginAndStoredCredentials() {
        AdminApi wrong = new AdminClient(runtime.adminUrl(), "nope");
        assertThatThrownBy(wrong::overview).isInstanceOf(AdminException.class)
                .satisfies(e -> assertThat(((AdminException) e).status()).isEqualTo(401));

        HttpJson browser = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        assertThat(browser.send("GET", "/overview", null, "Origin", "https://evil.example").status()).isEqualTo(403);
        assertThat(browser.get("/overview").status()).isEqualTo(200);
        assertThat(browser.get("/nothing").status()).isEqualTo(404);

        String issued = new AdminCredentials(directory).issue("laptop");
        assertThat(new AdminClient(runtime.adminUrl(), issued).overview().tenantId()).isEqualTo(tenantId);
        runtime.adminCredentials().revokeAll();
        assertThatThrownBy(() -> new AdminClient(runtime.adminUrl(), issued).overview()).isInstanceOf(AdminException.class);
        assertThat(admin.overview().tenantId()).isEqualTo(tenantId);
    }

    @Test
    void entrasTrafficIsCountedButTheConsolesConnectionTestIsNot() {
        assertThat(admin.traffic().cycles()).isEmpty();
        ConnectionTest test = new ConnectionTest(java.time.Duration.ofSeconds(5));
        assertThat(test.run(tenantUrl, token, admin.connectionTestTag()).ok()).isTrue();
        assertThat(admin.traffic().lastRequest()).isNull();
        assertThat(admin.overview().lastRequest()).isNull();
        assertThat(admin.overview().tokenLastUsed()).as("every use of the token is recorded").isNotNull();

        scim.get("/Users?filter=userName+eq+%22probe%22");
        scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"eve@elsewhere.example\"}");
        AdminApi.Traffic t = admin.traffic();
        assertThat(t.cycles()).singleElement().satisfies(c -> {
            assertThat(c.requests()).isEqualTo(2);
            assertThat(c.rejected()).isEqualTo(1);
        });
        assertThat(t.lastRequest()).isNotNull();
        assertThat(t.nextExpectedCycle()).isEqualTo(t.cycles().get(0).start().plus(java.time.Duration.ofMinutes(40)));
        assertThat(admin.overview().lastRequest()).isNotNull();
    }

    @Test
    void onlyAnIssuedTagMarksTheConsolesTestAndOnlyOnce() {
        ConnectionTest test = new ConnectionTest(java.time.Duration.ofSeconds(5));
        String tag = admin.connectionTestTag();
        assertThat(test.run(tenantUrl, token, tag).ok()).isTrue();
        assertThat(admin.traffic().cycles()).isEmpty();

        assertThat(test.run(tenantUrl, token, "made-up").ok()).isTrue();
        assertThat(test.run(tenantUrl, token, tag).ok()).as("a tag is good once").isTrue();
        assertThat(test.run(tenantUrl, token, null).ok()).as("what a request claims marks nothing").isTrue();
        assertThat(admin.traffic().cycles()).singleElement()
                .satisfies(c -> assertThat(c.requests()).isEqualTo(3));
    }

    @Test
    void theAdminApiRefusesToListenOffLoopbackWithoutTls() {
        assertThatThrownBy(() -> AdminServer.start("0.0.0.0", 0, null, runtime.admin(), runtime.adminCredentials()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-keystore");
    }

    @Test
    void challengeRecordMatchesTheDomainsPackage() {
        AdminApi.DomainEntry e = admin.addDomain("example.net");
        assertThat(e.recordValue()).startsWith(Challenge.VALUE_PREFIX);
        assertThat(admin.addDomain("example.net").recordValue()).isEqualTo(e.recordValue());
    }
}
