package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficTrackerTest {
    private final TrafficTracker tracker = new TrafficTracker();
    private final Instant t0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void requestsCloseTogetherFormOneCycleAndAQuietGapStartsTheNext() {
        tracker.record("t", t0, false);
        tracker.record("t", t0.plusSeconds(30), true);
        tracker.record("t", t0.plus(Duration.ofMinutes(9)), false);
        tracker.record("t", t0.plus(Duration.ofMinutes(45)), false);
        assertThat(tracker.cycles("t")).hasSize(2);
        TrafficTracker.Cycle first = tracker.cycles("t").get(1);
        assertThat(first.start()).isEqualTo(t0);
        assertThat(first.end()).isEqualTo(t0.plus(Duration.ofMinutes(9)));
        assertThat(first.requests()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(tracker.lastRequest("t")).isEqualTo(t0.plus(Duration.ofMinutes(45)));
        assertThat(tracker.nextExpected("t")).isEqualTo(t0.plus(Duration.ofMinutes(85)));
    }

    @Test
    void aRejectionCountsAgainstTheLatestCycle() {
        tracker.rejected("t"); // nothing recorded yet: nothing to count against
        tracker.record("t", t0, false);
        tracker.rejected("t");
        assertThat(tracker.cycles("t")).singleElement().satisfies(c -> {
            assertThat(c.requests()).isEqualTo(1);
            assertThat(c.rejected()).isEqualTo(1);
        });
    }

    @Test
    void tenantsAreCountedApartAndOldCyclesAreForgotten() {
        for (int i = 0; i < 60; i++) {
            tracker.record("a", t0.plus(Duration.ofMinutes(40L * i)), false);
        }
        assertThat(tracker.cycles("a")).hasSize(48);
        assertThat(tracker.cycles("b")).isEmpty();
        assertThat(tracker.lastRequest("b")).isNull();
        assertThat(tracker.nextExpected("b")).isNull();
    }
}
