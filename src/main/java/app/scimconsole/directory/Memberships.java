package app.scimconsole.directory;

import app.scimconsole.directory.Directory.GroupRef;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.MemberDiff;
import app.scimconsole.scim.MemberChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group_members table: changes a group's members, and reads memberships for a whole page of
 * resources in one query (never one query per resource).
 */
final class Memberships {
    private Memberships() {
    }

    /** The groups of each of {@code userIds}; every id is a key, with an empty list when it has none. */
    static Map<String, List<GroupRef>> groupsOf(Connection c, List<String> userIds) throws SQLException {
        return perId(c, userIds, "SELECT gm.member_id, g.id, g.display_name FROM group_members gm"
                + " JOIN groups g ON g.id = gm.group_id"
                + " WHERE gm.member_id IN (" + Jdbc.placeholders(userIds) + ")"
                + " ORDER BY g.display_name_lc, g.id",
                rs -> new GroupRef(rs.getString(2), rs.getString(3)));
    }

    /** The members of each of {@code groupIds}, shown by displayName or else userName. */
    static Map<String, List<Member>> membersOf(Connection c, List<String> groupIds) throws SQLException {
        return perId(c, groupIds, "SELECT gm.group_id, u.id, COALESCE(u.display_name, u.user_name) FROM group_members gm"
                + " JOIN users u ON u.id = gm.member_id"
                + " WHERE gm.group_id IN (" + Jdbc.placeholders(groupIds) + ")"
                + " ORDER BY gm.group_id, gm.member_id",
                rs -> new Member(rs.getString(2), "User", rs.getString(3)));
    }

    /** Reads one row of a {@link #perId} query (its first column is the id the row belongs to). */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} (whose parameters are {@code ids}, and whose first column is one of them) and lists its rows
     * under their id; every id is a key, with an empty list when no row names it.
     */
    private static <T> Map<String, List<T>> perId(Connection c, List<String> ids, String sql, RowReader<T> reader)
            throws SQLException {
        Map<String, List<T>> result = emptyLists(ids);
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlWhere(sql, List.copyOf(ids)));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.get(rs.getString(1)).add(reader.read(rs));
            }
        }
        return result;
    }

    /** How many members each of {@code groupIds} has (0 for none), in one query. */
    static Map<String, Long> countsOf(Connection c, String tenantId, List<String> groupIds) throws SQLException {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        groupIds.forEach(id -> result.put(id, 0L));
        if (groupIds.isEmpty()) {
            return result;
        }
        // Scoped by tenant: a group id of another tenant counts 0, as if it did not exist.
        String sql = "SELECT gm.group_id, COUNT(*) FROM group_members gm JOIN groups g ON g.id = gm.group_id"
                + " WHERE g.tenant_id = ? AND gm.group_id IN (" + Jdbc.placeholders(groupIds) + ") GROUP BY gm.group_id";
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        params.addAll(groupIds);
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlWhere(sql, params));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        }
        return result;
    }

    /**
     * Applies the changes in order; returns who really joined and who really left, net over all of them (a member
     * removed and added back by the same request, as a replace of the whole list does, neither joined nor left).
     */
    static MemberDiff apply(Connection c, String tenantId, String groupId, List<MemberChange> changes)
            throws SQLException {
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (MemberChange change : changes) {
            List<String> joined = change.kind() == MemberChange.Kind.ADD ? add(c, tenantId, groupId, change.ids())
                    : List.of();
            List<String> left = switch (change.kind()) {
                case ADD -> List.of();
                case REMOVE -> remove(c, groupId, change.ids());
                case REMOVE_ALL -> removeAll(c, groupId);
            };
            joined.forEach(id -> {
                if (!removed.remove(id)) {
                    added.add(id);
                }
            });
            left.forEach(id -> {
                if (!added.remove(id)) {
                    removed.add(id);
                }
            });
        }
        return new MemberDiff(List.copyOf(added), List.copyOf(removed));
    }

    /** Adds those of {@code ids} that are not members yet; returns them. */
    private static List<String> add(Connection c, String tenantId, String groupId, List<String> ids)
            throws SQLException {
        Set<String> wanted = new LinkedHashSet<>(ids);
        requireUsersOfTenant(c, tenantId, wanted);
        List<String> added = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO group_members (group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String id : wanted) {
                ps.setString(1, groupId);
                ps.setString(2, id);
                if (ps.executeUpdate() > 0) {
                    added.add(id);
                }
            }
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                // PostgreSQL: the user was deleted by a concurrent request after it was looked up above.
                throw new StorageOutcome(StorageOutcome.Kind.UNKNOWN_MEMBER, "");
            }
            throw e;
        }
        return added;
    }

    /** Removes those of {@code ids} that are members; returns them. */
    private static List<String> remove(Connection c, String groupId, List<String> ids) throws SQLException {
        List<String> removed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM group_members WHERE group_id = ? AND member_id = ?")) {
            for (String id : new LinkedHashSet<>(ids)) {
                ps.setString(1, groupId);
                ps.setString(2, id);
                if (ps.executeUpdate() > 0) {
                    removed.add(id);
                }
            }
        }
        return removed;
    }

    /**
     * Removes every member; returns who they were. One statement that deletes and tells, so that on PostgreSQL a
     * member added by another transaction in between is not removed untold.
     */
    private static List<String> removeAll(Connection c, String groupId) throws SQLException {
        List<String> removed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM group_members WHERE group_id = ? RETURNING member_id")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    removed.add(rs.getString(1));
                }
            }
        }
        return removed;
    }

    /** Members must be users of the same tenant. */
    private static void requireUsersOfTenant(Connection c, String tenantId, Set<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlWhere(usersByIdSql(ids.size()), new ArrayList<Object>(ids)));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(2).equals(tenantId)) {
                    found.add(rs.getString(1));
                }
            }
        }
        for (String id : ids) {
            if (!found.contains(id)) {
                throw new StorageOutcome(StorageOutcome.Kind.UNKNOWN_MEMBER, id);
            }
        }
    }

    /**
     * The users of {@code n} ids with their tenants, read by the primary key. The tenant is compared here, not in the
     * statement: with {@code tenant_id = ?} beside {@code id IN (…)}, SQLite chose a covering index that starts with
     * the tenant and walked all its users for each member PATCH (seen at a million users: two PATCHes a second).
     */
    static String usersByIdSql(int n) {
        return "SELECT id, tenant_id FROM users WHERE id IN (" + Jdbc.placeholders(n) + ")";
    }

    private static <T> Map<String, List<T>> emptyLists(List<String> ids) {
        Map<String, List<T>> result = new HashMap<>();
        for (String id : ids) {
            result.put(id, new ArrayList<>());
        }
        return result;
    }
}
