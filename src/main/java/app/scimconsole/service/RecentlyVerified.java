package app.scimconsole.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The domain rule's question, "has this tenant verified this domain?", asked of the store at most once a second per
 * verified domain. Every create of a user asks it once or twice, and reading it cost the request thread about a sixth
 * of its CPU (a read transaction on SQLite: its locks, and the pages the writer's commits made stale). As with the
 * tokens ({@link Authenticator}), only a yes is kept, and only until this process writes a domain (its version
 * moves) or the second has passed: a domain verified anywhere counts at once, one removed or lost through this
 * process stops counting at once, and one removed or lost through another process (a second instance on a shared
 * database) within {@link Authenticator#REREAD_AFTER}.
 */
final class RecentlyVerified implements VerifiedDomains {
    private static final long REREAD_AFTER_NANOS = Authenticator.REREAD_AFTER.toNanos();

    private final VerifiedDomains store;
    private final LongSupplier version;
    private final LongSupplier nanoTime;
    /** Yes answers only, so at most one entry per verified domain: a client cannot grow it with names it makes up. */
    private final Map<Question, Answer> kept = new ConcurrentHashMap<>();

    private record Question(String tenantId, String domain) {
        // Written out: a record's own equals and hashCode go through method handles, which the C1-only JIT of
        // serve does not compile into plain code, and each create asks this map once or twice (issue 21).
        @Override
        public boolean equals(Object o) {
            return o instanceof Question q && q.tenantId.equals(tenantId) && q.domain.equals(domain);
        }

        @Override
        public int hashCode() {
            return 31 * tenantId.hashCode() + domain.hashCode();
        }
    }

    /** A yes read when the store's domains were at {@code version}, at {@code nanoTime}. */
    private record Answer(long version, long nanoTime) {
    }

    /** {@code version}: moves after each write of domains in this process; {@code nanoTime}: the clock of ages. */
    RecentlyVerified(VerifiedDomains store, LongSupplier version, LongSupplier nanoTime) {
        this.store = store;
        this.version = version;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean isVerified(String tenantId, String domain) {
        Question question = new Question(tenantId, domain);
        Answer yes = kept.get(question);
        long now = nanoTime.getAsLong();
        long current = version.getAsLong(); // before the read: a write during it makes the answer stale
        if (yes != null && yes.version() == current && now - yes.nanoTime() < REREAD_AFTER_NANOS) {
            return true;
        }
        boolean verified = store.isVerified(tenantId, domain);
        if (verified) {
            kept.put(question, new Answer(current, now));
        } else {
            kept.remove(question);
        }
        return verified;
    }
}
