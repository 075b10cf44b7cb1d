package app.scimconsole.directory;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Schemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * "Contains" on a user's name through SQLite's trigram index (users_text, V24; since V27 filled a moment after the
 * writes, see {@link #candidates}): the console's search as you type, and any SCIM filter {@code userName co "…"} or
 * {@code displayName co "…"}. A text of three characters or more is only in a name that holds all of its trigrams,
 * so the users holding them all are a superset of the matches, found in the index in a few milliseconds even at a
 * million users (FTS5 intersects the lists by skipping ahead, so the trigrams every name shares cost little). The
 * query keeps its own test of the text and adds "and is one of those" ({@link #narrowing}): the results are those of
 * the test alone, found without reading every user's name.
 *
 * <p>A text held by very many users ("user-4" among a million "user-N") is left to the walk in the sort order, as
 * without the index: its matches are dense, so the first page is found after a few rows, where sorting tens of
 * thousands of candidates would cost more. Shorter texts (one or two characters) have no trigram: they scan the covering search
 * index as before, which is fast when their matches are dense, and at worst reads every user's two names from the
 * index (a fraction of a second at a million users) when they are rare.
 */
final class TrigramSearch {
    static final int LENGTH = 3;
    /** Beyond this many candidates, the search is left to the sort order's walk. */
    static final int NARROW = 50_000;

    private TrigramSearch() {
    }

    /**
     * What the trigram index says of a search: how many users hold all its trigrams (counted up to {@link #NARROW} + 1;
     * {@link Long#MAX_VALUE} when the search has no text of three characters or more in the names, so nothing is
     * known), and what to add to a users query on SQLite ({@code FROM users r NOT INDEXED}, so that SQLite reads the
     * candidates by rowid rather than walk an index and test each row against the list), empty when nothing narrows it
     * or very many users hold its trigrams.
     */
    record Probe(long candidates, Optional<SqlWhere> narrowing) {
        static final Probe UNKNOWN = new Probe(Long.MAX_VALUE, Optional.empty());

        /**
         * Whether the index holds more than {@code n} users that may match. Users it has not indexed yet (a moment
         * after their write) are not counted here, so this decides only what a read costs, never what it finds.
         */
        boolean mayMatchMoreThan(long n) {
            return candidates > n;
        }
    }

    static Probe probe(Connection c, Filter filter) throws SQLException {
        Optional<String> text = requiredText(filter);
        if (text.isEmpty()) {
            return Probe.UNKNOWN;
        }
        Set<String> trigrams = trigrams(text.get());
        if (trigrams.isEmpty()) {
            return Probe.UNKNOWN;
        }
        String match = matchExpression(trigrams);
        long candidates = Jdbc.oneLong(c, SqlWhere.of("SELECT COUNT(*) FROM (SELECT rowid FROM users_text"
                + " WHERE users_text MATCH ? LIMIT ?)", match, NARROW + 1), 0);
        return new Probe(candidates, candidates > NARROW ? Optional.empty() : Optional.of(candidates(match)));
    }

    /**
     * The users that may match: those the index finds, and those it does not hold as they are now, which
     * {@link TrigramIndexer} indexes only a moment after their write (the rows created since its last run, above the
     * mark, and the rows renamed or deleted since, listed as stale). Read in the query's own statement, so that the
     * index, the mark and the list are of one moment.
     */
    static SqlWhere candidates(String match) {
        return SqlWhere.of("r.rowid IN (SELECT rowid FROM users_text WHERE users_text MATCH ?"
                + " UNION ALL SELECT user_rowid FROM users_text_stale"
                + " UNION ALL SELECT rowid FROM users WHERE rowid > (SELECT indexed_to FROM users_text_state))", match);
    }

    /** FTS5's query: each trigram a quoted string (a quote inside doubled), all required. */
    static String matchExpression(Set<String> trigrams) {
        return String.join(" AND ", trigrams.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"").toList());
    }

    /**
     * The distinct runs of three characters (code points, as the trigram tokenizer counts them) of the text as the
     * columns hold it: lower-cased the way {@link DerivedColumns} lower-cases names and {@link FilterSql} the
     * searched text.
     */
    static Set<String> trigrams(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] cps = lower.codePoints().toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + LENGTH <= cps.length; i++) {
            out.add(new String(cps, i, LENGTH));
        }
        return out;
    }

    /**
     * The text that every match must contain in userName or in displayName: a conjunct {@code userName co "x"},
     * {@code displayName co "x"}, or {@code userName co "x" or displayName co "x"} (the console's search). The
     * longest such text when there are several.
     */
    static Optional<String> requiredText(Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<String> left = requiredText(and.left());
            Optional<String> right = requiredText(and.right());
            if (left.isEmpty() || right.isEmpty()) {
                return left.isPresent() ? left : right;
            }
            return left.get().length() >= right.get().length() ? left : right;
        }
        if (filter instanceof Filter.Or or) {
            Optional<String> left = nameContains(or.left());
            return left.isPresent() && left.equals(nameContains(or.right())) ? left : Optional.empty();
        }
        return nameContains(filter);
    }

    private static Optional<String> nameContains(Filter f) {
        if (f instanceof Filter.Compare cmp && cmp.op() == CompareOp.CO && cmp.value() instanceof Literal.Str s
                && isName(cmp.path())) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }

    private static boolean isName(AttrPath p) {
        boolean core = p.urn() == null || p.urn().equalsIgnoreCase(Schemas.USER_URN);
        return core && (p.key().equals("username") || p.key().equals("displayname"));
    }
}
