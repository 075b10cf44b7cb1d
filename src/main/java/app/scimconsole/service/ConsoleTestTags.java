package app.scimconsole.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks the console's own "Test connection" requests, so that they are not taken for Entra's traffic (the setup
 * waits for Entra's first request). A tag is issued through the admin API, so only the holder of an admin credential
 * gets one; it is good for one request within {@link #VALID}, and it only marks: the request still needs a valid
 * secret token and still counts as that token's use. What a request merely claims (a User-Agent, say) marks nothing.
 */
public final class ConsoleTestTags {
    static final Duration VALID = Duration.ofMinutes(1);
    /** More outstanding tags than any console asks for; beyond it the oldest are dropped. */
    private static final int MAX_OUTSTANDING = 64;

    private final Map<String, Instant> outstanding = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleTestTags(Clock clock) {
        this.clock = clock;
    }

    /** A new tag for one test request. */
    public String issue() {
        Instant now = clock.instant();
        outstanding.values().removeIf(expiry -> !expiry.isAfter(now));
        if (outstanding.size() >= MAX_OUTSTANDING) {
            outstanding.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> outstanding.remove(oldest.getKey()));
        }
        String tag = SecretTokens.generate();
        outstanding.put(key(tag), now.plus(VALID));
        return tag;
    }

    /** Whether {@code tag} was issued here and is still good; a tag is good once. */
    boolean redeem(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        // Looked up by its digest, so the lookup's timing says nothing about any tag's text.
        Instant expiry = outstanding.remove(key(tag.strip()));
        return expiry != null && expiry.isAfter(clock.instant());
    }

    private static String key(String tag) {
        return HexFormat.of().formatHex(SecretTokens.hash(tag));
    }
}
