package app.scimconsole.directory.migration.common;

import app.scimconsole.scim.UserNameKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * userNames become unique by their RFC 8265 form ({@link UserNameKey}: width, case and normalization ignored)
 * instead of by their lower case alone, on both engines. The key is computed in Java (neither SQLite nor
 * PostgreSQL has width mapping), so this migration is a class, found by Flyway in the same location as the scripts.
 *
 * <p>Users stored before may already collide under the new key (the very duplicates the key exists to prevent:
 * "bob@example.com" beside "ｂｏｂ@example.com"). The oldest of each such set keeps the key; the others are kept with
 * their data but without a key (NULL, which a unique index allows many times): they are no longer found by
 * {@code userName eq}, and a change to one is refused as a duplicate until it is renamed, or deleted.
 */
public class V11__user_name_key extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V11__user_name_key.class);
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN user_name_key TEXT");
        }
        int duplicates = fillKeys(c);
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX users_by_user_name");
            s.execute("CREATE UNIQUE INDEX users_by_user_name_key ON users (tenant_id, user_name_key)");
        }
        if (duplicates > 0) {
            LOG.warn("{} stored users have the userName of an older user of their organization once width, case and"
                    + " normalization are ignored; they are kept, but are not found by userName and cannot be changed"
                    + " until they are renamed or deleted", duplicates);
        }
    }

    /** Sets every user's key, oldest first within each tenant; returns how many were left without one. */
    private static int fillKeys(Connection c) throws Exception {
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        int pending = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tenant_id, id, user_name FROM users ORDER BY tenant_id, created, id");
                PreparedStatement update = c.prepareStatement("UPDATE users SET user_name_key = ? WHERE id = ?")) {
            while (rs.next()) {
                String key = UserNameKey.of(rs.getString("user_name"));
                if (!seen.add(rs.getString("tenant_id") + "\n" + key)) {
                    duplicates++;
                    continue;
                }
                update.setString(1, key);
                update.setString(2, rs.getString("id"));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        return duplicates;
    }
}
