package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * New ids are UUIDs of version 7 that grow in the order they are made, also within one millisecond (the default list
 * order breaks a creation time's ties by id), when more are made in a millisecond than its counter holds, and when
 * no other time is involved; a clock that goes back is believed.
 */
class ResourceIdsTest {

    @Test
    void idsOfOneMillisecondGrowInTheOrderTheyAreMade() {
        Instant t = Instant.parse("2026-12-07T15:00:00.123Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // more than a millisecond's counter holds
            ids.add(ResourceIds.of(t));
        }
        ids.add(ResourceIds.of(t.plusSeconds(60)));
        ids.add(ResourceIds.of(t.plusSeconds(60)));

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        String back = ResourceIds.of(t.minusSeconds(5));
        assertThat(UUID.fromString(back).getMostSignificantBits() >>> 16).as("a clock that went back is believed")
                .isEqualTo(t.minusSeconds(5).toEpochMilli());
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (String id : ids) {
            UUID u = UUID.fromString(id);
            assertThat(u.version()).isEqualTo(7);
            assertThat(u.variant()).isEqualTo(2);
        }
        assertThat(UUID.fromString(ids.get(0)).getMostSignificantBits() >>> 16).as("the millisecond first")
                .isEqualTo(t.toEpochMilli());
        assertThat(UUID.fromString(ids.get(ids.size() - 1)).getMostSignificantBits() >>> 16)
                .isEqualTo(t.plusSeconds(60).toEpochMilli());
    }
}
