package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacedCountsTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final PacedCounts counts = new PacedCounts(clock::get);
    private final AtomicInteger counted = new AtomicInteger();

    /** A count that takes {@code took} on the test's clock and answers how many times it ran. */
    private List<Long> count(Duration took) {
        clock.addAndGet(took.toNanos());
        return List.of((long) counted.incrementAndGet());
    }

    @Test
    void aCheapCountIsCountedAtEveryLook() {
        Duration took = PacedCounts.FREE.minusMillis(1);
        assertThat(counts.of("t", () -> count(took))).containsExactly(1L);
        assertThat(counts.of("t", () -> count(took))).containsExactly(2L);
        assertThat(counts.of("t", () -> count(took))).containsExactly(3L);
    }

    @Test
    void aCostlyCountIsReusedUntilTenTimesItsOwnTimeHasPassed() {
        Duration took = Duration.ofSeconds(2);
        assertThat(counts.of("t", () -> count(took))).containsExactly(1L);
        clock.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(counts.of("t", () -> count(took))).as("19 s after a 2 s count: kept").containsExactly(1L);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(counts.of("t", () -> count(took))).as("20 s after it: counted again").containsExactly(2L);
    }

    @Test
    void theTimeACountPausedIsNotItsCost() {
        // 2 s of counting and 18 s given way to the owner's reads: it costs 2 s, so it is due 20 s after it ended
        assertThat(counts.of("t", () -> Duration.ofSeconds(18).toNanos(), () -> count(Duration.ofSeconds(20))))
                .containsExactly(1L);
        clock.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(counts.of("t", () -> count(Duration.ofSeconds(2)))).containsExactly(1L);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(counts.of("t", () -> count(Duration.ofSeconds(2)))).containsExactly(2L);
    }

    @Test
    void eachTenantKeepsItsOwnCounts() {
        Duration took = Duration.ofSeconds(1);
        assertThat(counts.of("a", () -> count(took))).containsExactly(1L);
        assertThat(counts.of("b", () -> count(took))).containsExactly(2L);
        assertThat(counts.of("a", () -> count(took))).containsExactly(1L);
    }
}
