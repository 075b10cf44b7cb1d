package app.scimconsole.directory;

import app.scimconsole.directory.AttributeSql.Container;
import app.scimconsole.directory.AttributeSql.One;
import app.scimconsole.directory.AttributeSql.Scalar;
import app.scimconsole.directory.AttributeSql.Some;
import app.scimconsole.directory.AttributeSql.Target;
import app.scimconsole.scim.AttributeDef;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.FilterPrinter;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.scim.UserNameKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates a SCIM filter into an SQL condition on the resource row {@code r} of the users or groups
 * table. Pure: no JDBC, and no client value ever enters the SQL text.
 *
 * <p>Semantics mirror RFC 7643/7644 and the in-memory matcher: a multi-valued attribute matches when
 * any element does; {@code attr[f]} needs one and the same element to satisfy {@code f}; strings compare
 * case-insensitively unless the attribute is caseExact; {@code pr} treats null, "" and [] as absent;
 * {@code ne} is {@code not(eq)}. The SQL stays two-valued where it matters: a leaf may be NULL (for a
 * missing value) only where NULL and false act alike, and {@code not} turns NULL into "does not match"
 * by testing {@code IS NOT TRUE}.
 */
public final class FilterSql {
    private static final char ESCAPE = '\\';

    private FilterSql() {
    }

    /** The condition, to be placed in a WHERE clause over {@code users r} or {@code groups r}. */
    public static SqlWhere where(ResourceType type, Filter filter) {
        return where(SqlDialect.SQLITE, type, filter);
    }

    /** The condition in {@code dialect}'s SQL. */
    public static SqlWhere where(SqlDialect dialect, ResourceType type, Filter filter) {
        return filter.accept(new Translator(dialect, type, null));
    }

    /** Walks the tree; {@code container} is set inside {@code attr[...]}, where paths are relative. */
    private record Translator(SqlDialect dialect, ResourceType type, Container container) implements Filter.Visitor<SqlWhere> {

        @Override
        public SqlWhere and(Filter.And f) {
            return f.left().accept(this).join(" AND ", f.right().accept(this)).wrap("(", ")");
        }

        @Override
        public SqlWhere or(Filter.Or f) {
            return f.left().accept(this).join(" OR ", f.right().accept(this)).wrap("(", ")");
        }

        @Override
        public SqlWhere not(Filter.Not f) {
            return negate(f.inner().accept(this), f.inner());
        }

        @Override
        public SqlWhere compare(Filter.Compare f) {
            if (f.value() instanceof Literal.Null) {
                // "eq null" asks for absence, "ne null" for presence (RFC 7643 §2.5: null is unassigned)
                Filter present = new Filter.Present(f.path());
                return switch (f.op()) {
                    case EQ -> negate(present.accept(this), present);
                    case NE -> present.accept(this);
                    default -> throw new ScimException(ScimProblem.NULL_COMPARISON, FilterPrinter.print(f));
                };
            }
            if (f.op() == CompareOp.NE) {
                Filter eq = new Filter.Compare(f.path(), CompareOp.EQ, f.value());
                return negate(eq.accept(this), eq);
            }
            if (container != null) {
                return Comparison.of(dialect, container.sub(f.path(), true), f.op(), f.value(), f);
            }
            Target target = AttributeSql.target(dialect, type, f.path(), true);
            if (target instanceof One one) {
                return Comparison.of(dialect, one.scalar(), f.op(), f.value(), f);
            }
            Some some = (Some) target;
            return some.collection().exists(
                    Comparison.of(dialect, some.collection().element().apply(some.sub()), f.op(), f.value(), f));
        }

        @Override
        public SqlWhere present(Filter.Present f) {
            if (container != null) {
                return Comparison.present(container.sub(f.path(), false));
            }
            Target target = AttributeSql.target(dialect, type, f.path(), false);
            if (target instanceof One one) {
                return Comparison.present(one.scalar());
            }
            Some some = (Some) target;
            return some.collection().exists(some.sub() == null ? null
                    : Comparison.present(some.collection().element().apply(some.sub())));
        }

        @Override
        public SqlWhere valuePath(Filter.ValuePath f) {
            Container inner = AttributeSql.container(dialect, type, f.attr());
            return inner.wrap(f.inner().accept(new Translator(dialect, type, inner)));
        }

        private static SqlWhere negate(SqlWhere inner, Filter innerFilter) {
            boolean grouped = innerFilter instanceof Filter.And || innerFilter instanceof Filter.Or;
            return (grouped ? inner : inner.wrap("(", ")")).wrap("", " IS NOT TRUE");
        }
    }

    /** One leaf: a value expression, an operator and a literal, checked against the attribute's type. */
    private static final class Comparison {
        private Comparison() {
        }

        static SqlWhere of(SqlDialect dialect, Scalar s, CompareOp op, Literal literal, Filter leaf) {
            AttributeDef def = s.def();
            switch (def.type()) {
                case STRING, REFERENCE -> {
                    return text(dialect, s, op, string(literal, leaf));
                }
                case DATE_TIME -> {
                    String stored = Timestamps.normalize(string(literal, leaf));
                    if (stored == null || isSubstringOp(op)) {
                        throw invalid(leaf, ScimProblem.NEEDS_DATETIME);
                    }
                    return ordered(s, op, stored);
                }
                case BOOLEAN -> {
                    if (op != CompareOp.EQ) {
                        throw invalid(leaf, ScimProblem.BOOLEAN_ORDERING);
                    }
                    return SqlWhere.of(s.sql() + " = ?", params(s, bool(literal, leaf)).toArray());
                }
                case INTEGER, DECIMAL -> {
                    if (!(literal instanceof Literal.Num num) || isSubstringOp(op)) {
                        throw invalid(leaf, ScimProblem.NEEDS_NUMBER);
                    }
                    return ordered(s, op, number(num.value()));
                }
                default -> throw invalid(leaf, ScimProblem.NOT_COMPARABLE);
            }
        }

        /** {@code pr}: not null, and for text not "" (arrays are handled by the EXISTS around elements). */
        static SqlWhere present(Scalar s) {
            String test = switch (s.def().type()) {
                case STRING, REFERENCE, DATE_TIME -> "COALESCE(" + s.sql() + ", '') <> ''";
                case COMPLEX -> "COALESCE(" + s.sql() + ", '{}') NOT IN ('{}', '[]')";
                default -> s.sql() + " IS NOT NULL";
            };
            return new SqlWhere(test, s.params());
        }

        private static SqlWhere text(SqlDialect dialect, Scalar s, CompareOp op, String raw) {
            if (op == CompareOp.EQ && s.keySql() != null) {
                return SqlWhere.of(s.keySql() + " = ?", params(s, UserNameKey.of(raw)).toArray());
            }
            String value = s.folded() ? raw.toLowerCase(Locale.ROOT) : raw;
            if (!isSubstringOp(op)) {
                return ordered(s, op, value);
            }
            if (s.folded()) {
                // Both sides are lower case, so LIKE's own (ASCII-only) case folding never matters.
                String pattern = switch (op) {
                    case CO -> "%" + escapeLike(value) + "%";
                    case SW -> escapeLike(value) + "%";
                    default -> "%" + escapeLike(value);
                };
                return SqlWhere.of(s.sql() + " LIKE ? ESCAPE '" + ESCAPE + "'", params(s, pattern).toArray());
            }
            // LIKE ignores ASCII case in SQLite, so exact substring tests avoid it.
            return switch (op) {
                case CO -> SqlWhere.of(dialect.position(s.sql(), "?") + " > 0", params(s, value).toArray());
                case SW -> SqlWhere.of("substr(" + s.sql() + ", 1, length(?)) = ?", params(s, value, value).toArray());
                default -> {
                    // The expression appears twice, so its own parameters are bound twice.
                    List<Object> twice = new ArrayList<>(s.params());
                    twice.addAll(params(s, value, value));
                    yield new SqlWhere("substr(" + s.sql() + ", length(" + s.sql() + ") - length(?) + 1) = ?", twice);
                }
            };
        }

        private static SqlWhere ordered(Scalar s, CompareOp op, Object value) {
            String operator = switch (op) {
                case EQ -> "=";
                case GT -> ">";
                case GE -> ">=";
                case LT -> "<";
                case LE -> "<=";
                default -> throw new IllegalArgumentException(op + " is not an ordering operator");
            };
            return SqlWhere.of(s.sql() + " " + operator + " ?", params(s, value).toArray());
        }

        /** The scalar's own parameters followed by the compared values. */
        private static List<Object> params(Scalar s, Object... values) {
            List<Object> all = new ArrayList<>(s.params());
            all.addAll(List.of(values));
            return all;
        }

        private static boolean isSubstringOp(CompareOp op) {
            return op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW;
        }

        private static String string(Literal literal, Filter leaf) {
            if (literal instanceof Literal.Str str) {
                return str.value();
            }
            throw invalid(leaf, ScimProblem.NEEDS_STRING);
        }

        /** Entra writes booleans as "True"/"False" in places; accept those strings too. */
        private static Boolean bool(Literal literal, Filter leaf) {
            if (literal instanceof Literal.Bool b) {
                return b.value();
            }
            if (literal instanceof Literal.Str str && (str.value().equalsIgnoreCase("true")
                    || str.value().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(str.value().toLowerCase(Locale.ROOT));
            }
            throw invalid(leaf, ScimProblem.NEEDS_BOOLEAN);
        }

        private static Object number(BigDecimal n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException notAWholeLong) {
                return n.doubleValue();
            }
        }

        static String escapeLike(String value) {
            StringBuilder b = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '%' || c == '_' || c == ESCAPE) {
                    b.append(ESCAPE);
                }
                b.append(c);
            }
            return b.toString();
        }

        private static ScimException invalid(Filter leaf, ScimProblem why) {
            return new ScimException(why, FilterPrinter.print(leaf));
        }
    }
}
