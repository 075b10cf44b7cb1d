package app.scimconsole.directory;

/**
 * The statements of a group's member pages (the console's group detail), in userName order, by one of two plans
 * ({@link Directory#MEMBERS_ORDER}) chosen by the group's size, since neither serves every group at a million users:
 * <ul>
 * <li>a group of few members (up to {@link #MANY}) is read from its memberships and its members sorted: a few
 * thousand rows at most, where walking the users' name index would read every user for a group of fifty;</li>
 * <li>a larger group walks the users' name index from the page's place and keeps the users that are members (one
 * probe of the membership key each): a page of a group holding a tenth of a million users reads about a thousand
 * index entries, where sorting its members would read and sort a hundred thousand rows for each page.</li>
 * </ul>
 * SQLite has no statistics to make this choice, so it is made here and each plan is pinned (the name index named, the
 * memberships the outer loop of a {@code CROSS JOIN}); to PostgreSQL both are plain joins its planner may reorder.
 */
final class MemberPages {
    /** Above this many members a page walks the users' name index; at or below, it sorts the members. */
    static final int MANY = 5_000;

    private MemberPages() {
    }

    /** The group's members, counted on the index of its memberships (none for a group of another tenant). */
    static SqlWhere total(String tenantId, String groupId) {
        return SqlWhere.of("SELECT COUNT(*) FROM group_members gm JOIN groups g ON g.id = gm.group_id"
                + " WHERE gm.group_id = ? AND g.tenant_id = ?", groupId, tenantId);
    }

    /** Whether the group has more than {@code many} members: at most that many entries read, however large it is. */
    static SqlWhere manyProbe(String groupId, int many) {
        return SqlWhere.of("SELECT COUNT(*) FROM (SELECT 1 FROM group_members WHERE group_id = ? LIMIT ?) n", groupId,
                many + 1);
    }

    /**
     * The {@code FROM ... WHERE} of the members' rows ({@code r}, the users table) by the plan for a group of
     * {@code many} members or of few; the tenant's own users only, so a group of another tenant lists no one.
     */
    static SqlWhere from(SqlDialect dialect, SortOrder order, String tenantId, String groupId, boolean many) {
        if (many) {
            String pinned = dialect.pinsKeysetIndex() ? " INDEXED BY " + order.index() : "";
            return SqlWhere.of(" FROM users r" + pinned + " WHERE r.tenant_id = ? AND EXISTS (SELECT 1 FROM"
                    + " group_members gm WHERE gm.group_id = ? AND gm.member_id = r.id)", tenantId, groupId);
        }
        return SqlWhere.of(" FROM group_members gm CROSS JOIN users r WHERE gm.group_id = ? AND r.id = gm.member_id"
                + " AND r.tenant_id = ?", groupId, tenantId);
    }
}
