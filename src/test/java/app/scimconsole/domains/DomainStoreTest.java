package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class DomainStoreTest {
    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    final RecheckPolicy policy = new RecheckPolicy();
    DomainStore store;
    SQLiteDataSource dataSource;

    @BeforeEach
    void database(@TempDir Path dir) {
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("scim-console.db"));
        migrate(dataSource);
        store = new DomainStore(dataSource);
    }

    static void migrate(SQLiteDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(app.scimconsole.directory.Migrations.locations(app.scimconsole.directory.SqlDialect.SQLITE))
                .load().migrate();
    }

    static DomainRecord registered(String tenant, String domain) {
        return new DomainRecord(tenant, Challenge.issue(DomainName.parse(domain)), new RecheckPolicy().registered(T0),
                null, T0, null);
    }

    private DomainRecord verified(DomainRecord r, Instant at) {
        return r.checked(policy.afterCheck(r.state(), VerificationStatus.VERIFIED, at), "Verified.", at);
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
    void isVerifiedPerTenantAndNormalisesTheAskedDomain() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        assertThat(store.isVerified("t1", "example.com")).isFalse();

        store.update(verified(r, T0));

        assertThat(store.isVerified("t1", "EXAMPLE.com.")).isTrue();
        assertThat(store.isVerified("t2", "example.com")).isFalse();
        assertThat(store.isVerified("t1", "mail.example.com")).isFalse();
        assertThat(store.isVerified("t1", "not a domain")).isFalse();
    }

    @Test
    void aDomainCannotBeVerifiedByTwoTenants() {
        DomainRecord mine = registered("t1", "example.com");
        DomainRecord theirs = registered("t2", "example.com");
        store.insert(mine);
        store.insert(theirs);
        store.update(verified(mine, T0));

        assertThatThrownBy(() -> store.update(verified(theirs, T0))).isInstanceOf(DomainConflictException.class)
                .hasMessageContaining("already verified by another organization");
        assertThat(store.isVerified("t2", "example.com")).isFalse();
        assertThat(store.verifiedBy(mine.domain())).contains("t1");
    }

    @Test
    void theDatabaseItselfRefusesASecondVerifiedRow() throws Exception {
        store.insert(registered("t1", "example.com"));
        store.insert(registered("t2", "example.com"));
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE domains SET status = 'VERIFIED' WHERE tenant_id = 't1'");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE domains SET status = 'VERIFIED' WHERE tenant_id = 't2'"))
                    .hasMessageContaining("UNIQUE");
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
}
