package app.scimconsole.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A fragment of SQL with positional {@code ?} placeholders and the values bound to them, in order.
 * Client-supplied values only ever travel in {@code params}, never in {@code sql}.
 */
public record SqlWhere(String sql, List<Object> params) {

    /** Parameters may be null (an absent column value), so the copy is not {@code List.copyOf}. */
    public SqlWhere {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static SqlWhere of(String sql, Object... params) {
        return new SqlWhere(sql, Arrays.asList(params));
    }

    /** {@code this} with {@code before} and {@code after} around it, keeping all parameters in order. */
    public SqlWhere wrap(String before, String after) {
        return new SqlWhere(before + sql + after, params);
    }

    /** {@code this <separator> other}; parameters concatenated. */
    public SqlWhere join(String separator, SqlWhere other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlWhere(sql + separator + other.sql, all);
    }
}
