package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.StorageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 22: when an outage of the store ends, and which tenants' logs get it (each once). */
class StorageOutagesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final StorageOutages outages = new StorageOutages(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));

    private static StorageException fault(StorageException.Kind kind) {
        return new StorageException(kind, List.of("/srv/data", "0"), "failed", null);
    }

    @Test
    void aFullDiskEndsOnlyWithAWriteAndEachTenantIsToldOnce() {
        outages.refused(fault(StorageException.Kind.FULL), T0);
        outages.refused(fault(StorageException.Kind.FULL), T0.plusSeconds(5));
        assertThat(outages.served("t1", false)).as("reads go on while the disk is full").isEmpty();
        assertThat(outages.current().code()).isEqualTo("storage.FULL");
        assertThat(outages.current().args()).containsExactly("/srv/data", "0");

        StorageOutages.Outage ended = outages.served("t1", true).orElseThrow();
        assertThat(ended).isEqualTo(new StorageOutages.Outage(StorageException.Kind.FULL, T0, T0.plusSeconds(60), 2));
        assertThat(outages.current()).isNull();
        assertThat(outages.served("t1", true)).isEmpty();
        assertThat(outages.served("t2", false)).contains(ended);
        assertThat(outages.served("t2", false)).isEmpty();
    }

    @Test
    void anUnreachableDatabaseEndsWithAnyAnswerAndABusyPoolIsNoOutage() {
        outages.refused(fault(StorageException.Kind.BUSY), T0);
        assertThat(outages.current()).isNull();
        outages.refused(fault(StorageException.Kind.UNREACHABLE), T0);
        assertThat(outages.served("t1", false)).hasValueSatisfying(o -> assertThat(o.refused()).isOne());
        outages.refused(fault(StorageException.Kind.UNREACHABLE), T0.plusSeconds(30));
        assertThat(outages.served("t1", false)).as("a new outage: told again")
                .hasValueSatisfying(o -> assertThat(o.started()).isEqualTo(T0.plusSeconds(30)));
    }
}
