package app.scimconsole.service;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SortSql;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;

/**
 * The one rule for a sort that no index holds (a user's title, department or e-mail: values that live only in the
 * user's document): it is offered only on a list of at most {@link #DEFAULT_LIMIT} matches. Each page in such an order
 * reads and sorts every match — seconds at a million users on SQLite, past PostgreSQL's statement limit — while an
 * index per attribute would cost every create about one more page written to the log. Sorts an index holds
 * ({@link SortSql#walksIndex}) are always offered. The matches are counted only up to the limit, with a LIMIT, so the
 * check costs the same on a list of a million as on one of ten thousand. Both the admin API and SCIM ask it, for a
 * first page and for a page by cursor alike.
 */
public final class UnindexedSorts {
    public static final int DEFAULT_LIMIT = 10_000;

    private final Directory directory;
    private volatile int limit = DEFAULT_LIMIT;

    UnindexedSorts(Directory directory) {
        this.directory = directory;
    }

    /**
     * Refuses ({@link ScimProblem#SORT_NEEDS_NARROWER_LIST}, 400 {@code invalidValue}) a sort by {@code sortBy} (null:
     * the store's own order) of the tenant's resources matching {@code filter} (null: all) when no index holds that
     * order and more than the limit match. {@code asked}: the sort as the client named it, for the refusal.
     */
    void check(String tenantId, ResourceType type, Filter filter, AttrPath sortBy, String asked) {
        if (sortBy == null || SortSql.walksIndex(type, sortBy)) {
            return;
        }
        int most = limit;
        if (directory.matchesMoreThan(tenantId, type, filter, most)) {
            throw new ScimException(ScimProblem.SORT_NEEDS_NARROWER_LIST, asked, most);
        }
    }

    /** The most matches such a sort is offered on: a test needs a list of twenty, not of ten thousand. */
    public void limit(int most) {
        if (most < 0) {
            throw new IllegalArgumentException("a limit of matches cannot be negative");
        }
        limit = most;
    }

    public int limit() {
        return limit;
    }
}
