package app.scimconsole.scim;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The RFC 7644 §3.4.2.2 filter as a closed tree. Consumers walk it with {@link Visitor}, so the compiler
 * proves every node kind is handled.
 */
public sealed interface Filter {

    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        R and(And f);

        R or(Or f);

        R not(Not f);

        R compare(Compare f);

        R present(Present f);

        R valuePath(ValuePath f);
    }

    record And(Filter left, Filter right) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.and(this);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.or(this);
        }
    }

    record Not(Filter inner) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.not(this);
        }
    }

    record Compare(AttrPath path, CompareOp op, Literal value) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.compare(this);
        }
    }

    record Present(AttrPath path) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.present(this);
        }
    }

    /** {@code attr[inner]}: the inner filter must hold on one and the same element of {@code attr}. */
    record ValuePath(AttrPath attr, Filter inner) implements Filter {
        public <R> R accept(Visitor<R> v) {
            return v.valuePath(this);
        }
    }

    enum CompareOp {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Null when {@code word} is not a comparison operator (case-insensitive). */
        public static CompareOp fromWire(String word) {
            for (CompareOp op : values()) {
                if (op.name().equalsIgnoreCase(word)) {
                    return op;
                }
            }
            return null;
        }
    }

    /** A comparison value: a JSON literal, kept free of any JSON library. */
    sealed interface Literal {
        record Str(String value) implements Literal {
        }

        record Num(BigDecimal value) implements Literal {
        }

        record Bool(boolean value) implements Literal {
        }

        record Null() implements Literal {
        }
    }
}
