package app.scimconsole.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    @Test
    void aKeyIsWorkedOutOnceWhileKept() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<String, List<String>> cache = new BoundedCache<>(10, k -> {
            calls.incrementAndGet();
            return new ArrayList<>(List.of(k));
        });
        List<String> first = cache.get("a");
        assertSame(first, cache.get("a"));
        assertEquals(1, calls.get());
    }

    @Test
    void endlessNewKeysNeverKeepMoreThanTheCapacity() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(5, k -> k * 2);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(i * 2, cache.get(i));
            assertTrue(cache.size() <= 5, "kept " + cache.size());
        }
    }

    @Test
    void aKeyWhoseWorkingOutThrowsIsNotKeptAndThrowsAgain() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<String, String> cache = new BoundedCache<>(10, k -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException(k);
        });
        assertThrows(IllegalArgumentException.class, () -> cache.get("bad"));
        assertThrows(IllegalArgumentException.class, () -> cache.get("bad"));
        assertEquals(2, calls.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0, k -> k));
    }
}
