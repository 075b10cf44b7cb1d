package app.scimconsole.directory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the prepared statements of one SQLite connection for reuse. The SQLite driver compiles every
 * {@code prepareStatement} from scratch, and compiling costs more than running the single-row statements that
 * Entra's traffic consists of; callers keep their usual try-with-resources code, and "closing" a statement
 * hands it back for the next caller with the same SQL. A statement still in use (nested use of the same SQL) is
 * never handed out twice: the second caller gets one of its own.
 *
 * <p>Not thread-safe, like the connection it wraps: a SQLite connection here is used by one thread at a time
 * (the writer thread or the writer-lock holder; a reader taken from the pool).
 */
final class StatementCache {
    /** Idle statements kept per connection; the least recently used beyond this are closed. */
    static final int CAPACITY = 128;

    private final Connection raw;
    private final Map<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true);
    private int idleCount;
    private long compiled;

    private StatementCache(Connection raw) {
        this.raw = raw;
    }

    /** {@code raw} with {@code prepareStatement(sql)} served from the cache; closing it closes every kept statement. */
    static Connection wrap(Connection raw) {
        StatementCache cache = new StatementCache(raw);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("prepareStatement") && args.length == 1) {
                        return cache.checkOut((String) args[0]);
                    }
                    if (name.equals("close")) {
                        cache.closeAll();
                    } else if (name.equals("unwrap") && args[0] == StatementCache.class) {
                        return cache;
                    }
                    return invoke(method, raw, args);
                });
    }

    /** How many statements were compiled on this connection so far (the rest were reused). */
    long compiled() {
        return compiled;
    }

    private PreparedStatement checkOut(String sql) throws SQLException {
        Deque<PreparedStatement> kept = idle.get(sql);
        PreparedStatement ps = kept == null ? null : kept.pollFirst();
        if (ps != null) {
            idleCount--;
        } else {
            ps = raw.prepareStatement(sql);
            compiled++;
        }
        return lend(sql, ps);
    }

    private PreparedStatement lend(String sql, PreparedStatement ps) {
        ResultSet[] open = new ResultSet[1];
        boolean[] returned = {false};
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(sql, ps, open[0]);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0];
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("statement already closed");
                            }
                            Object result = invoke(method, ps, args);
                            if (result instanceof ResultSet rs) {
                                open[0] = rs;
                            }
                            return result;
                        }
                    }
                });
    }

    /** Resets the statement (its result set closed, its parameters cleared) and keeps it, or closes it if it failed. */
    private void giveBack(String sql, PreparedStatement ps, ResultSet open) throws SQLException {
        try {
            if (open != null) {
                open.close();
            }
            unbind(ps);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        idle.computeIfAbsent(sql, k -> new ArrayDeque<>(1)).addFirst(ps);
        idleCount++;
        evictBeyondCapacity();
    }

    /**
     * Leaves every parameter unset (NULL), as in a fresh statement, on the driver's side only. The driver's
     * {@code clearParameters} also clears SQLite's own bindings ({@code sqlite3_clear_bindings}), and that expires a
     * statement whose plan SQLite marked as depending on a bound value (an equality on the first columns of an index,
     * {@code tenant_id = ?}): its next run compiled it again. The event's {@code INSERT}, whose number is read from the
     * tenant's last event, was compiled anew in every create, on the single writer: 30 to 50 µs of it.
     */
    private static void unbind(PreparedStatement ps) throws SQLException {
        int count = ps.getParameterMetaData().getParameterCount();
        for (int i = 1; i <= count; i++) {
            ps.setNull(i, Types.NULL);
        }
    }

    private void evictBeyondCapacity() {
        Iterator<Deque<PreparedStatement>> oldest = idle.values().iterator();
        while (idleCount > CAPACITY && oldest.hasNext()) {
            Deque<PreparedStatement> kept = oldest.next();
            while (!kept.isEmpty() && idleCount > CAPACITY) {
                closeQuietly(kept.pollLast());
                idleCount--;
            }
            if (kept.isEmpty()) {
                oldest.remove();
            }
        }
    }

    private void closeAll() {
        idle.values().forEach(kept -> kept.forEach(StatementCache::closeQuietly));
        idle.clear();
        idleCount = 0;
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement is being dropped: nothing to recover
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
