package app.scimconsole.directory;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for other stores that share the directory's database file (e-mail domains): each
 * connection it hands out is the directory's single writer connection, held under the writer lock until the
 * borrower closes it. SQLite has one writer anyway; sharing it means no second writer ever waits on
 * SQLITE_BUSY, and a call made inside a directory transaction on the same thread reuses that transaction.
 */
final class LockedWriterDataSource implements DataSource {
    private final Connection writer;
    private final ReentrantLock lock;

    LockedWriterDataSource(Connection writer, ReentrantLock lock) {
        this.writer = writer;
        this.lock = lock;
    }

    @Override
    public Connection getConnection() {
        lock.lock();
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                lock.unlock();
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || writer.isClosed();
                        }
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("connection already returned");
                            }
                            try {
                                return method.invoke(writer, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging of our own
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connections are already open
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
