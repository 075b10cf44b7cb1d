package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Small JDBC conveniences shared by the row classes. */
final class Jdbc {
    private Jdbc() {
    }

    /** A statement with {@code query}'s parameters bound; the caller closes it. */
    static PreparedStatement prepare(Connection c, SqlWhere query) throws SQLException {
        PreparedStatement ps = c.prepareStatement(query.sql());
        try {
            int i = 1;
            for (Object p : query.params()) {
                ps.setObject(i++, p);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** The first column of {@code query}'s first row, or {@code otherwise} when there is no row or it is NULL. */
    static long oneLong(Connection c, SqlWhere query, long otherwise) throws SQLException {
        try (PreparedStatement ps = prepare(c, query); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return otherwise;
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? otherwise : value;
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, SqlWhere.of(sql, params))) {
            return ps.executeUpdate();
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static String placeholders(List<?> values) {
        return placeholders(values.size());
    }

    /** A UNIQUE constraint failed (SQLite's code, or SQLSTATE 23505 elsewhere). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState())
                || (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }
}
