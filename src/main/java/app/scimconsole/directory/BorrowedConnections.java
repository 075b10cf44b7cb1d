package app.scimconsole.directory;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for the admin credentials, which share the directory's database, lending them the
 * directory's own connections: closing a lent connection gives it back instead of closing it.
 * {@link SqliteConnections} lends its single writer (under the writer lock, so no second writer ever waits on
 * SQLITE_BUSY).
 */
final class BorrowedConnections implements DataSource {
    private final Supplier<Connection> borrow;
    private final Consumer<Connection> giveBack;

    BorrowedConnections(Supplier<Connection> borrow, Consumer<Connection> giveBack) {
        this.borrow = borrow;
        this.giveBack = giveBack;
    }

    @Override
    public Connection getConnection() {
        Connection lent = borrow.get();
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                giveBack.accept(lent);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || lent.isClosed();
                        }
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("connection already returned");
                            }
                            try {
                                return method.invoke(lent, args);
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
