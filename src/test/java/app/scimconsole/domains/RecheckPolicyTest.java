package app.scimconsole.domains;

import static app.scimconsole.domains.DomainStatus.EXPIRED;
import static app.scimconsole.domains.DomainStatus.LOST;
import static app.scimconsole.domains.DomainStatus.PENDING;
import static app.scimconsole.domains.DomainStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecheckPolicyTest {
    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    final RecheckPolicy policy = new RecheckPolicy();

    @Test
    void aNewDomainIsCheckedAfterOneMinute() {
        DomainState s = policy.registered(T0);
        assertThat(s.status()).isEqualTo(PENDING);
        assertThat(s.nextCheck()).isEqualTo(T0.plusSeconds(60));
        assertThat(policy.isDue(s, T0.plusSeconds(59))).isFalse();
        assertThat(policy.isDue(s, T0.plusSeconds(60))).isTrue();
    }

    @ParameterizedTest(name = "after check {0}: wait {1} min")
    @CsvSource({"1, 2", "2, 5", "3, 10", "4, 30", "5, 60", "6, 60", "50, 60"})
    void pendingBacksOffAndIsCapped(int checks, long waitMinutes) {
        DomainState s = policy.registered(T0);
        Instant now = T0;
        for (int i = 0; i < checks; i++) {
            now = s.nextCheck();
            s = policy.afterCheck(s, VerificationStatus.PENDING, now);
        }
        assertThat(s.attempts()).isEqualTo(checks);
        assertThat(Duration.between(now, s.nextCheck())).isEqualTo(Duration.ofMinutes(waitMinutes));
    }

    @Test
    void pendingExpiresAfter72HoursAndAManualCheckRestartsIt() {
        DomainState s = policy.registered(T0);
        Instant now = T0;
        while (s.nextCheck() != null) {
            now = s.nextCheck();
            s = policy.afterCheck(s, VerificationStatus.MISMATCH, now);
        }
        assertThat(s.status()).isEqualTo(EXPIRED);
        assertThat(now).isEqualTo(T0.plus(RecheckPolicy.PENDING_WINDOW)); // the last check lands on the deadline

        Instant later = now.plus(Duration.ofDays(3));
        DomainState restarted = policy.afterCheck(s, VerificationStatus.PENDING, later);
        assertThat(restarted.status()).isEqualTo(PENDING);
        assertThat(restarted.windowStart()).isEqualTo(later);
        assertThat(restarted.nextCheck()).isEqualTo(later.plus(Duration.ofMinutes(2)));
    }

    @Test
    void mismatchAndErrorKeepTheirNameWhilePending() {
        assertThat(policy.afterCheck(policy.registered(T0), VerificationStatus.MISMATCH, T0).status())
                .isEqualTo(DomainStatus.MISMATCH);
        assertThat(policy.afterCheck(policy.registered(T0), VerificationStatus.ERROR, T0).status())
                .isEqualTo(DomainStatus.ERROR);
    }

    @Test
    void verifiedIsRecheckedDaily() {
        DomainState s = policy.afterCheck(policy.registered(T0), VerificationStatus.VERIFIED, T0.plusSeconds(60));
        assertThat(s.status()).isEqualTo(VERIFIED);
        assertThat(s.verifiedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(s.nextCheck()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(1)));

        DomainState again = policy.afterCheck(s, VerificationStatus.VERIFIED, s.nextCheck());
        assertThat(again.verifiedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aLostRecordIsShownThenStopsCountingAfterTheGracePeriod() {
        DomainState verified = policy.afterCheck(policy.registered(T0), VerificationStatus.VERIFIED, T0);
        Instant gone = T0.plus(Duration.ofDays(1));

        DomainState s = policy.afterCheck(verified, VerificationStatus.PENDING, gone);
        assertThat(s.status()).isEqualTo(VERIFIED);
        assertThat(s.lostSince()).isEqualTo(gone);
        assertThat(s.nextCheck()).isEqualTo(gone.plus(Duration.ofHours(1)));

        s = policy.afterCheck(s, VerificationStatus.PENDING, gone.plus(RecheckPolicy.GRACE).minusSeconds(1));
        assertThat(s.isVerified()).isTrue();
        s = policy.afterCheck(s, VerificationStatus.PENDING, gone.plus(RecheckPolicy.GRACE));
        assertThat(s.status()).isEqualTo(LOST);
        assertThat(s.isVerified()).isFalse();
        assertThat(s.lostSince()).isEqualTo(gone);

        DomainState back = policy.afterCheck(s, VerificationStatus.VERIFIED, gone.plus(Duration.ofDays(5)));
        assertThat(back.status()).isEqualTo(VERIFIED);
        assertThat(back.lostSince()).isNull();
    }

    @Test
    void aDnsFailureDoesNotStartTheGracePeriod() {
        DomainState verified = policy.afterCheck(policy.registered(T0), VerificationStatus.VERIFIED, T0);
        DomainState s = verified;
        for (int day = 1; day <= 10; day++) {
            s = policy.afterCheck(s, VerificationStatus.ERROR, T0.plus(Duration.ofDays(day)));
        }
        assertThat(s.status()).isEqualTo(VERIFIED);
        assertThat(s.lostSince()).isNull();
    }

    @Test
    void recordComingBackWithinGraceClearsTheWarning() {
        DomainState verified = policy.afterCheck(policy.registered(T0), VerificationStatus.VERIFIED, T0);
        DomainState lost = policy.afterCheck(verified, VerificationStatus.MISMATCH, T0.plus(Duration.ofDays(1)));
        DomainState fine = policy.afterCheck(lost, VerificationStatus.VERIFIED, T0.plus(Duration.ofDays(2)));
        assertThat(fine.lostSince()).isNull();
        assertThat(fine.verifiedAt()).isEqualTo(T0);
    }
}
