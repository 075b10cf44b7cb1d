package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.http.ServiceLimits;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-tenant token bucket, on a simulated clock: what Entra does always passes, a runaway client does not. */
class RateLimitTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final ServiceLimits defaults = ServiceLimits.defaults();
    private final TenantRateLimiter limiter = new TenantRateLimiter(defaults.ratePerSecond(), defaults.rateBurst(), now::get);

    @Test
    void entrasPaceAndBurstsNeverHitTheDefaultLimit() {
        for (int i = 0; i < defaults.rateBurst(); i++) {
            assertThat(limiter.secondsToWait("entra")).as("burst request " + i).isZero();
        }
        now.addAndGet(5 * SECOND);
        // an hour of 40 requests a second (Entra needs 25), with a burst of 100 at the start of every minute
        for (int second = 0; second < 3600; second++) {
            int requests = second % 60 == 0 ? 100 : 40;
            for (int i = 0; i < requests; i++) {
                now.addAndGet(SECOND / requests);
                assertThat(limiter.secondsToWait("entra")).as("second " + second + " request " + i).isZero();
            }
        }
    }

    @Test
    void aRunawayClientIsStoppedAndToldWhenToComeBack() {
        int admitted = 0;
        long firstWait = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = limiter.secondsToWait("runaway");
            if (wait == 0) {
                admitted++;
            } else if (firstWait == 0) {
                firstWait = wait;
            }
        }
        assertThat(admitted).isEqualTo(defaults.rateBurst());
        assertThat(firstWait).isEqualTo(1);
        now.addAndGet(SECOND);
        int afterOneSecond = 0;
        while (limiter.secondsToWait("runaway") == 0) {
            afterOneSecond++;
        }
        assertThat(afterOneSecond).isEqualTo((int) defaults.ratePerSecond());
    }

    @Test
    void tenantsHaveBucketsOfTheirOwn() {
        TenantRateLimiter small = new TenantRateLimiter(1, 2, now::get);
        assertThat(small.secondsToWait("a")).isZero();
        assertThat(small.secondsToWait("a")).isZero();
        assertThat(small.secondsToWait("a")).isEqualTo(1);
        assertThat(small.secondsToWait("b")).isZero();
        TenantRateLimiter slow = new TenantRateLimiter(0.1, 1, now::get);
        assertThat(slow.secondsToWait("c")).isZero();
        assertThat(slow.secondsToWait("c")).isEqualTo(10);
    }
}
