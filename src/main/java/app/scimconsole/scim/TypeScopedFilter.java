package app.scimconsole.scim;

import app.scimconsole.scim.Filter.And;
import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter.Not;
import app.scimconsole.scim.Filter.Or;
import app.scimconsole.scim.Filter.Present;
import app.scimconsole.scim.Filter.ValuePath;
import java.util.List;

/**
 * A filter of a search across resource types (RFC 7644 §3.4.3, {@code POST /.search} at the tenant root), as it
 * applies to one of them. An attribute a type does not have is unassigned in every resource of that type (RFC 7643
 * §2.5): a comparison with it is false, except {@code ne} (the negation of {@code eq}, as the store evaluates it),
 * and the parts of the filter it decides are folded away, so {@code userName eq "x" or displayName eq "y"} finds
 * users by either and groups by displayName. An attribute no type has is still {@code invalidFilter}.
 */
public final class TypeScopedFilter implements Filter.Visitor<TypeScopedFilter.Scoped> {

    /** What the filter leaves of one type: all of it, none of it, or what {@code filter} selects. */
    public enum Reach { ALL, NONE, SOME }

    /** {@code filter} is set only when the reach is {@link Reach#SOME}. */
    public record Scoped(Reach reach, Filter filter) {
        static final Scoped ALL = new Scoped(Reach.ALL, null);
        static final Scoped NONE = new Scoped(Reach.NONE, null);
    }

    private final ResourceType type;

    private TypeScopedFilter(ResourceType type) {
        this.type = type;
    }

    /**
     * {@code filter} for {@code type}; throws {@code invalidFilter} when it names an attribute that none of
     * {@code searched} has.
     */
    public static Scoped of(Filter filter, ResourceType type, List<ResourceType> searched) {
        requireKnownSomewhere(filter, searched);
        return filter.accept(new TypeScopedFilter(type));
    }

    private static void requireKnownSomewhere(Filter f, List<ResourceType> searched) {
        if (f instanceof And a) {
            requireKnownSomewhere(a.left(), searched);
            requireKnownSomewhere(a.right(), searched);
        } else if (f instanceof Or o) {
            requireKnownSomewhere(o.left(), searched);
            requireKnownSomewhere(o.right(), searched);
        } else if (f instanceof Not n) {
            requireKnownSomewhere(n.inner(), searched);
        } else if (searched.stream().noneMatch(t -> has(t, pathOf(f)))) {
            searched.get(0).resolve(pathOf(f), true); // throws the problem as that type tells it
        }
    }

    private static AttrPath pathOf(Filter leaf) {
        if (leaf instanceof Compare c) {
            return c.path();
        }
        if (leaf instanceof Present p) {
            return p.path();
        }
        return ((ValuePath) leaf).attr();
    }

    private static boolean has(ResourceType type, AttrPath path) {
        try {
            type.resolve(path, true);
            return true;
        } catch (ScimException unknown) {
            return false;
        }
    }

    @Override
    public Scoped and(And f) {
        Scoped l = f.left().accept(this);
        Scoped r = f.right().accept(this);
        if (l.reach() == Reach.NONE || r.reach() == Reach.NONE) {
            return Scoped.NONE;
        }
        if (l.reach() == Reach.ALL) {
            return r;
        }
        return r.reach() == Reach.ALL ? l : some(new And(l.filter(), r.filter()));
    }

    @Override
    public Scoped or(Or f) {
        Scoped l = f.left().accept(this);
        Scoped r = f.right().accept(this);
        if (l.reach() == Reach.ALL || r.reach() == Reach.ALL) {
            return Scoped.ALL;
        }
        if (l.reach() == Reach.NONE) {
            return r;
        }
        return r.reach() == Reach.NONE ? l : some(new Or(l.filter(), r.filter()));
    }

    @Override
    public Scoped not(Not f) {
        Scoped inner = f.inner().accept(this);
        return switch (inner.reach()) {
            case ALL -> Scoped.NONE;
            case NONE -> Scoped.ALL;
            case SOME -> some(new Not(inner.filter()));
        };
    }

    @Override
    public Scoped compare(Compare f) {
        if (has(type, f.path())) {
            return some(f);
        }
        boolean withNull = f.value() instanceof Literal.Null;
        boolean holds = f.op() == CompareOp.EQ ? withNull : f.op() == CompareOp.NE && !withNull;
        return holds ? Scoped.ALL : Scoped.NONE;
    }

    @Override
    public Scoped present(Present f) {
        return has(type, f.path()) ? some(f) : Scoped.NONE;
    }

    @Override
    public Scoped valuePath(ValuePath f) {
        return has(type, f.attr()) ? some(f) : Scoped.NONE;
    }

    private static Scoped some(Filter f) {
        return new Scoped(Reach.SOME, f);
    }
}
