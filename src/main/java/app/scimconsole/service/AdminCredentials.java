package app.scimconsole.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who may use the admin API: the embedded console's per-process credential (kept only as a digest in memory)
 * and credentials issued for remote consoles with {@code admin issue-credential} (kept only as digests in the
 * database). Compared in constant time, never logged.
 */
public final class AdminCredentials {
    private final DataSource dataSource;
    private final Clock clock;
    private volatile byte[] ephemeralHash;

    public AdminCredentials(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A new credential valid until this process ends; replaces the previous one. */
    public String issueEphemeral() {
        String credential = SecretTokens.generate();
        ephemeralHash = SecretTokens.hash(credential);
        return credential;
    }

    /** A new stored credential for a remote console. Shown once; only its digest is kept. */
    public String issue(String label) {
        String credential = SecretTokens.generate();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO admin_credentials (id, hash, label, created) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, HexFormat.of().formatHex(SecretTokens.hash(credential)));
            ps.setString(3, label);
            ps.setString(4, clock.instant().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The admin credential could not be stored: " + e.getMessage(), e);
        }
        return credential;
    }

    /** Revokes every stored credential; returns how many there were. */
    public int revokeAll() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM admin_credentials")) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The admin credentials could not be revoked: " + e.getMessage(), e);
        }
    }

    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] hash = SecretTokens.hash(presented);
        boolean ok = false;
        byte[] ephemeral = ephemeralHash;
        if (ephemeral != null) {
            ok = SecretTokens.matches(hash, ephemeral);
        }
        for (byte[] stored : storedHashes()) {
            ok |= SecretTokens.matches(hash, stored);
        }
        return ok;
    }

    private List<byte[]> storedHashes() {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT hash FROM admin_credentials");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(HexFormat.of().parseHex(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The admin credentials could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
