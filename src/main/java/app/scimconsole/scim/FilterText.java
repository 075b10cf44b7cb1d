package app.scimconsole.scim;

/**
 * A filter's string values must be text a stored value could hold ({@link StorableText}): a NUL or a surrogate
 * without its pair can match nothing, and PostgreSQL would refuse the query outright, so such a filter is refused
 * as an invalid value on either engine.
 */
public final class FilterText {
    private FilterText() {
    }

    /** Throws 400 {@code invalidValue} naming the attribute of the first such value; null is no filter. */
    public static void check(Filter filter) {
        if (filter != null) {
            filter.accept(CHECK);
        }
    }

    private static final Filter.Visitor<Void> CHECK = new Filter.Visitor<>() {
        @Override
        public Void and(Filter.And f) {
            f.left().accept(this);
            return f.right().accept(this);
        }

        @Override
        public Void or(Filter.Or f) {
            f.left().accept(this);
            return f.right().accept(this);
        }

        @Override
        public Void not(Filter.Not f) {
            return f.inner().accept(this);
        }

        @Override
        public Void compare(Filter.Compare f) {
            if (f.value() instanceof Filter.Literal.Str s && !StorableText.isStorable(s.value())) {
                throw new ScimException(ScimProblem.UNSTORABLE_FILTER_VALUE, f.path());
            }
            return null;
        }

        @Override
        public Void present(Filter.Present f) {
            return null;
        }

        @Override
        public Void valuePath(Filter.ValuePath f) {
            return f.inner().accept(this);
        }
    };
}
