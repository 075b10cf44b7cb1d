package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.Diagnosis;
import app.scimconsole.domains.DomainConflictException;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.domains.VerificationStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The domains' storage on a real SQLite file (and on PostgreSQL in {@link DomainRecordsPostgresTest}). */
class DomainRecordsTest extends DomainStorageTestBase {
    private DomainRecord verified(DomainRecord r, Instant at) {
        return checked(r, VerificationStatus.VERIFIED, "Verified.", at);
    }

    @Test
    void storesAndReadsBackEveryField() {
        DomainRecord r = registered("t1", "Bücher.example");
        assertThat(store.insert(r)).isTrue();
        assertThat(store.find("t1", DomainName.parse("xn--bcher-kva.example"))).contains(r);

        DomainRecord checked = verified(r, T0.plusSeconds(61));
        store.update(checked);
        DomainRecord back = store.find("t1", r.domain()).orElseThrow();
        assertThat(back).isEqualTo(checked);
        assertThat(back.challenge().recordValue()).isEqualTo(r.challenge().recordValue());
        assertThat(back.lastChecked()).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void addingTwiceKeepsTheFirstRegistration() {
        DomainRecord first = registered("t1", "example.com");
        store.insert(first);
        assertThat(store.insert(registered("t1", "example.com"))).isFalse();
        assertThat(store.find("t1", first.domain()).orElseThrow().challenge()).isEqualTo(first.challenge());
    }

    @Test
    void isVerifiedPerTenantAndExactDomain() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        assertThat(store.isVerified("t1", r.domain())).isFalse();

        store.update(verified(r, T0));

        assertThat(store.isVerified("t1", DomainName.parse("EXAMPLE.com."))).isTrue();
        assertThat(store.isVerified("t2", r.domain())).isFalse();
        assertThat(store.isVerified("t1", DomainName.parse("mail.example.com"))).isFalse();
    }

    @Test
    void aDomainCannotBeVerifiedByTwoTenants() {
        DomainRecord mine = registered("t1", "example.com");
        DomainRecord theirs = registered("t2", "example.com");
        store.insert(mine);
        store.insert(theirs);
        store.update(verified(mine, T0));

        assertThatThrownBy(() -> store.update(verified(theirs, T0))).isInstanceOf(DomainConflictException.class);
        assertThat(store.isVerified("t2", theirs.domain())).isFalse();
        assertThat(store.verifiedBy(mine.domain())).contains("t1");
    }

    @Test
    void ofTenantsVerifyingOneDomainAtOnceExactlyOneWins() throws Exception {
        int tenants = 8;
        List<DomainRecord> rows = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            DomainRecord r = registered("t" + i, "example.com");
            store.insert(r);
            rows.add(verified(r, T0));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tenants);
        try {
            List<Future<Boolean>> saves = new ArrayList<>();
            for (DomainRecord r : rows) {
                saves.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.update(r);
                        return true;
                    } catch (DomainConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : saves) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String winner = store.verifiedBy(rows.get(0).domain()).orElseThrow();
        for (DomainRecord r : rows) {
            assertThat(store.isVerified(r.tenantId(), r.domain())).as(r.tenantId()).isEqualTo(r.tenantId().equals(winner));
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondVerifiedRow() throws Exception {
        store.insert(registered("t1", "example.com"));
        store.insert(registered("t2", "example.com"));
        try (Connection c = rawConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE domains SET status = 'VERIFIED' WHERE tenant_id = 't1'");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE domains SET status = 'VERIFIED' WHERE tenant_id = 't2'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(Jdbc.isUniqueViolation(e)).isTrue());
        }
    }

    @Test
    void listsAndRemoves() {
        store.insert(registered("t1", "b.example"));
        store.insert(registered("t1", "a.example"));
        store.insert(registered("t2", "c.example"));

        assertThat(store.list("t1")).extracting(r -> r.domain().ascii()).containsExactly("a.example", "b.example");
        assertThat(store.remove("t1", DomainName.parse("a.example"))).isTrue();
        assertThat(store.remove("t1", DomainName.parse("a.example"))).isFalse();
        assertThat(store.list("t1")).hasSize(1);
    }

    @Test
    void findsDueRechecksAcrossTenants() {
        DomainRecord a = registered("t1", "a.example");
        DomainRecord b = registered("t2", "b.example");
        store.insert(a);
        store.insert(b);
        store.update(verified(b, T0));

        assertThat(store.dueForRecheck(T0, 10)).isEmpty();
        assertThat(store.dueForRecheck(T0.plusSeconds(60), 10)).containsExactly(a);
        assertThat(store.dueForRecheck(T0.plus(Duration.ofDays(1)), 10)).extracting(DomainRecord::tenantId)
                .containsExactly("t1", "t2");
    }

    @Test
    void aDueRecheckIsClaimedOnceUntilItsLeaseEnds() {
        DomainRecord a = registered("t1", "a.example");
        store.insert(a);
        Instant lease = T0.plus(Duration.ofMinutes(6));
        assertThat(store.claimRecheck(a, lease)).isTrue();
        assertThat(store.claimRecheck(a, lease)).as("read before the first claim moved it").isFalse();
        assertThat(store.dueForRecheck(lease, 10)).singleElement()
                .satisfies(d -> assertThat(d.state().nextCheck()).isEqualTo(lease));
    }

    @Test
    void whatACheckFoundIsStoredAsCodesAndArguments() throws SQLException {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        Findings found = new Findings(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME_CACHED, r.challenge().recordName(),
                T0.plusSeconds(300)), List.of(new Diagnosis(Diagnosis.Kind.TOKEN_AT_APEX,
                DomainReason.of(ReasonCode.TOKEN_AT_APEX_PROBLEM, "example.com", r.challenge().recordName()),
                DomainReason.of(ReasonCode.TOKEN_AT_APEX_FIX, Challenge.RECORD_LABEL))));
        DomainRecord checked = r.checked(new RecheckPolicy().afterCheck(r.state(), VerificationStatus.PENDING, T0),
                found, T0);
        store.update(checked);

        assertThat(store.find("t1", r.domain()).orElseThrow().findings()).isEqualTo(found);
        assertThat(store.history("t1", r.domain(), 1).get(0).findings()).isEqualTo(found);
        try (Connection c = rawConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT summary_code, summary_args, detail FROM domains")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("domain.check.noSuchNameCached");
            assertThat(rs.getString(2)).isEqualTo("[\"_scim-console-challenge.example.com\",\"2025-03-01T00:05:00Z\"]");
            assertThat(rs.getString(3)).isNull();
        }
    }

    @Test
    void aResultStoredAsASentenceOrWithAnUnknownCodeReadsAsOneToCheckAgain() throws SQLException {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        store.update(checked(r, VerificationStatus.PENDING, "first", T0));
        try (Connection c = rawConnection(); var st = c.createStatement()) {
            // An earlier version's English sentence, as an older instance on the same database still writes it.
            st.executeUpdate("UPDATE domains SET summary_code = NULL, summary_args = NULL, diagnoses = NULL, "
                    + "detail = 'The name does not exist yet.'");
            st.executeUpdate("UPDATE domain_checks SET summary_code = 'domain.check.fromALaterVersion'");
        }
        Findings legacy = Findings.of(DomainReason.of(ReasonCode.CHECK_LEGACY));
        assertThat(store.find("t1", r.domain()).orElseThrow().findings()).isEqualTo(legacy);
        assertThat(store.history("t1", r.domain(), 1).get(0).findings()).isEqualTo(legacy);

        try (Connection c = rawConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE domains SET summary_code = 'domain.check.noSuchName', summary_args = '[]', "
                    + "diagnoses = '[]'");
        }
        assertThat(store.find("t1", r.domain()).orElseThrow().findings()).as("too few arguments").isEqualTo(legacy);
    }
}
