package app.scimconsole.scim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out once per key, for keys that repeat endlessly (a tenant's few e-mail domains, the few dozen paths
 * Entra writes), at most a fixed number of them: past that the cache starts again, so a client sending endless new
 * keys costs what working each out costs and no more memory. A key whose working-out throws is not kept. Safe for
 * concurrent use; two threads may work out the same key once each, which costs time, never correctness.
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final Function<K, V> compute;
    private final Map<K, V> kept = new ConcurrentHashMap<>();

    public BoundedCache(int capacity, Function<K, V> compute) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.compute = compute;
    }

    /** The value of {@code key}, worked out now unless kept; what working it out throws is thrown. */
    public V get(K key) {
        V known = kept.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (kept.size() >= capacity) {
            kept.clear();
        }
        kept.put(key, value);
        return value;
    }

    /** How many keys are kept now (never more than the capacity). */
    public int size() {
        return kept.size();
    }
}
