package app.scimconsole.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * The ids of new users and groups: time-ordered UUIDs (version 7, RFC 9562 §5.7), the creation's millisecond first,
 * then 74 random bits. A random id (version 4) put each create's entry on a random leaf of every index that holds the
 * id (the key's, {@code users_by_active}, the activity's {@code activity_resource}), one more page in the commit's log
 * for each; ids that grow with time put the creates of a commit side by side at the index's end, where a commit's
 * creates share the pages. The millisecond an id tells is the one its resource's {@code meta.created} shows anyway.
 * Within a millisecond the 12 bits after the version count up (RFC 9562 §6.2, method 1) from a random start, so the
 * ids of one process grow in the order they were made: the default order (creation time, ties broken by id) is the
 * order of creation, not a random one among the creates of one millisecond. A clock that goes back is believed (the
 * id tells the millisecond of its create).
 */
final class ResourceIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;
    /** A millisecond's counter starts below half its range, so it has room for 2,048 more ids in that millisecond. */
    private static final long FIRST_COUNT = 0x07FFL;
    private static final Object LOCK = new Object();
    private static long lastMillis = Long.MIN_VALUE;
    private static long count;

    private ResourceIds() {
    }

    /** A new id for a resource created at {@code created}. */
    static String of(Instant created) {
        // randomUUID's bits are random but for its version and variant; the variant (IETF) is the same in version 7
        UUID random = UUID.randomUUID();
        long millis = created.toEpochMilli();
        long sequence;
        synchronized (LOCK) {
            if (millis != lastMillis && millis != lastMillis - 1) {
                lastMillis = millis;
                count = random.getMostSignificantBits() & FIRST_COUNT;
            } else if (++count > RANDOM_A) {
                lastMillis++; // more than the counter holds in one millisecond: they go on in the next
                count = 0;
            }
            millis = lastMillis;
            sequence = count;
        }
        long high = millis << 16 | VERSION_7 | sequence;
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
