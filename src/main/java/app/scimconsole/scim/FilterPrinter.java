package app.scimconsole.scim;

import app.scimconsole.scim.Filter.And;
import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter.Not;
import app.scimconsole.scim.Filter.Or;
import app.scimconsole.scim.Filter.Present;
import app.scimconsole.scim.Filter.ValuePath;

/**
 * Prints a filter in canonical form: lower-case operators, JSON-quoted strings, and parentheses only
 * where an {@code or} sits under an {@code and} or on the right of its own kind. {@code parse(print(f))}
 * gives back {@code f}, which the tests use as an oracle.
 */
public final class FilterPrinter implements Filter.Visitor<String> {
    private static final FilterPrinter INSTANCE = new FilterPrinter();

    private FilterPrinter() {
    }

    public static String print(Filter f) {
        return f.accept(INSTANCE);
    }

    @Override
    public String and(And f) {
        return operand(f.left(), false) + " and " + operand(f.right(), true);
    }

    @Override
    public String or(Or f) {
        String right = f.right() instanceof Or ? "(" + print(f.right()) + ")" : print(f.right());
        return print(f.left()) + " or " + right;
    }

    /** Under an {@code and}: an {@code or} needs parentheses; so does a right-hand {@code and}. */
    private String operand(Filter f, boolean right) {
        boolean group = f instanceof Or || (right && f instanceof And);
        return group ? "(" + print(f) + ")" : print(f);
    }

    @Override
    public String not(Not f) {
        return "not (" + print(f.inner()) + ")";
    }

    @Override
    public String compare(Compare f) {
        return f.path() + " " + f.op().wire() + " " + literal(f.value());
    }

    @Override
    public String present(Present f) {
        return f.path() + " pr";
    }

    @Override
    public String valuePath(ValuePath f) {
        return f.attr() + "[" + print(f.inner()) + "]";
    }

    static String literal(Literal l) {
        if (l instanceof Literal.Str s) {
            return quote(s.value());
        }
        if (l instanceof Literal.Num n) {
            return n.value().toString();
        }
        if (l instanceof Literal.Bool b) {
            return Boolean.toString(b.value());
        }
        return "null";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
