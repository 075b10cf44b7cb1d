package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A count gives way to the owner's reads: while one runs and for three seconds after, for twenty at most in all. */
class OwnerReadsTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    /** Sleeping moves the test's clock; {@link #duringSleep} may run a read meanwhile. */
    private Runnable duringSleep = () -> { };
    private final OwnerReads reads = new OwnerReads(clock::get, nanos -> {
        clock.addAndGet(nanos);
        duringSleep.run();
    });

    @Test
    void aCountBeforeAnyReadGoesOnAtOnce() {
        OwnerReads.GiveWay giveWay = reads.givingWay();
        giveWay.run();
        assertThat(giveWay.waitedNanos()).isZero();
    }

    @Test
    void aCountWaitsUntilThreeSecondsHavePassedSinceTheLastRead() {
        reads.read(() -> "a page of users");
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        OwnerReads.GiveWay giveWay = reads.givingWay();
        giveWay.run();
        assertThat(Duration.ofNanos(giveWay.waitedNanos())).isEqualTo(OwnerReads.QUIET.minusMillis(300));
        giveWay.run();
        assertThat(Duration.ofNanos(giveWay.waitedNanos())).as("quiet now: no more waiting")
                .isEqualTo(OwnerReads.QUIET.minusMillis(300));
    }

    @Test
    void aCountWaitsWhileAReadIsUnderWay() {
        OwnerReads.GiveWay giveWay = reads.givingWay();
        // looked at from inside a read that does not end meanwhile: it waits in short steps, up to its most
        reads.read(() -> {
            giveWay.run();
            return "a page of users";
        });
        assertThat(Duration.ofNanos(giveWay.waitedNanos())).isEqualTo(OwnerReads.MOST);
    }

    @Test
    void aCountWaitsTwentySecondsAtMostWhateverTheOwnerReads() {
        duringSleep = () -> reads.read(() -> "another keystroke's page");
        OwnerReads.GiveWay giveWay = reads.givingWay();
        reads.read(() -> "the first page");
        for (int part = 0; part < 50; part++) {
            giveWay.run();
        }
        assertThat(Duration.ofNanos(giveWay.waitedNanos())).isEqualTo(OwnerReads.MOST);
    }
}
