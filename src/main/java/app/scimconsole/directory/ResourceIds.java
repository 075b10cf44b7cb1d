package app.scimconsole.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * The ids of new users and groups: time-ordered UUIDs (version 7, RFC 9562 §5.7), the creation's millisecond first,
 * then 74 random bits. A random id (version 4) put each create's entry on a random leaf of every index that holds the
 * id (the key's, {@code users_by_active}, the activity's {@code activity_resource}), one more page in the commit's log
 * for each; ids that grow with time put the creates of a commit side by side at the index's end, where a commit's
 * creates share the pages. The millisecond an id tells is the one its resource's {@code meta.created} shows anyway.
 */
final class ResourceIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;

    private ResourceIds() {
    }

    /** A new id for a resource created at {@code created}. */
    static String of(Instant created) {
        // randomUUID's bits are random but for its version and variant; the variant (IETF) is the same in version 7
        UUID random = UUID.randomUUID();
        long high = created.toEpochMilli() << 16 | VERSION_7 | random.getMostSignificantBits() & RANDOM_A;
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
