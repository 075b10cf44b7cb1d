package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The admin API's stored credentials: only their digests (hex), with a label and the time they were issued. */
final class AdminCredentialRows {
    private AdminCredentialRows() {
    }

    static void add(Connection c, byte[] hash, String label, Instant created) throws SQLException {
        Jdbc.update(c, "INSERT INTO admin_credentials (id, hash, label, created) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(), HexFormat.of().formatHex(hash), label, created.toString());
    }

    static int removeAll(Connection c) throws SQLException {
        return Jdbc.update(c, "DELETE FROM admin_credentials");
    }

    static List<byte[]> hashes(Connection c) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM admin_credentials");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(HexFormat.of().parseHex(rs.getString(1)));
            }
        }
        return out;
    }
}
