package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainRecords;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.domains.VerificationStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain rule's kept answers, on a real SQLite file: this service's directory, and a second directory on the same
 * file standing for another process (the CLI, a second instance), whose writes this one's version does not see.
 */
class RecentlyVerifiedTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String TENANT = "t1";
    private static final DomainName DOMAIN = DomainName.parse("example.com");

    @TempDir
    Path dir;

    private SqliteDirectory mine;
    private SqliteDirectory other;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private RecentlyVerified verdicts;

    @BeforeEach
    void open() {
        mine = SqliteDirectory.open(dir);
        other = SqliteDirectory.open(dir);
        verdicts = new RecentlyVerified((tenant, domain) -> mine.domainRecords().isVerified(tenant,
                DomainName.parse(domain)), mine::domainsVersion, nanos::get);
    }

    @AfterEach
    void close() {
        other.close();
        mine.close();
    }

    @Test
    void aDomainVerifiedElsewhereCountsAtOnceForNoIsEverKept() {
        DomainRecord registered = register(other.domainRecords());
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isFalse();

        other.domainRecords().update(checked(registered, VerificationStatus.VERIFIED));

        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isTrue();
    }

    @Test
    void aDomainRemovedThroughThisProcessStopsCountingAtOnce() {
        verify(mine.domainRecords());
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isTrue();

        mine.domainRecords().remove(TENANT, DOMAIN);

        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isFalse();
    }

    @Test
    void aDomainRemovedByAnotherProcessStopsCountingOnceTheKeptYesIsASecondOld() {
        verify(other.domainRecords());
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isTrue();

        other.domainRecords().remove(TENANT, DOMAIN);
        nanos.addAndGet(Authenticator.REREAD_AFTER.toNanos() - 1);
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).as("the yes read under a second ago").isTrue();

        nanos.addAndGet(1);
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isFalse();
    }

    @Test
    void aYesIsKeptPerTenantAndExactDomain() {
        verify(mine.domainRecords());
        assertThat(verdicts.isVerified(TENANT, DOMAIN.ascii())).isTrue();

        assertThat(verdicts.isVerified("t2", DOMAIN.ascii())).isFalse();
        assertThat(verdicts.isVerified(TENANT, "mail.example.com")).isFalse();
    }

    private static DomainRecord register(DomainRecords store) {
        DomainRecord r = new DomainRecord(TENANT, Challenge.issue(DOMAIN), new RecheckPolicy().registered(T0), null,
                T0, null);
        store.insert(r);
        return r;
    }

    private static DomainRecord verify(DomainRecords store) {
        DomainRecord verified = checked(register(store), VerificationStatus.VERIFIED);
        store.update(verified);
        return verified;
    }

    private static DomainRecord checked(DomainRecord r, VerificationStatus outcome) {
        return r.checked(new RecheckPolicy().afterCheck(r.state(), outcome, T0),
                Findings.of(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME, "test")), T0);
    }
}
