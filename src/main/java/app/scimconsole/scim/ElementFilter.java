package app.scimconsole.scim;

import app.scimconsole.scim.Filter.And;
import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter.Not;
import app.scimconsole.scim.Filter.Or;
import app.scimconsole.scim.Filter.Present;
import app.scimconsole.scim.Filter.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/**
 * Evaluates the value filter of a PATCH path ({@code emails[type eq "work"]}) against one element of a
 * multi-valued complex attribute. Names inside the brackets are sub-attributes of that attribute; string
 * comparison follows each sub-attribute's {@code caseExact}. Absent and null are the same (RFC 7643 §2.5).
 */
final class ElementFilter implements Filter.Visitor<Boolean> {
    private final AttributeDef attribute;
    private final JsonNode element;

    private ElementFilter(AttributeDef attribute, JsonNode element) {
        this.attribute = attribute;
        this.element = element;
    }

    static boolean matches(AttributeDef attribute, Filter filter, JsonNode element) {
        return element.isObject() && filter.accept(new ElementFilter(attribute, element));
    }

    /** Rejects, as {@code invalidPath}, a filter naming something that is not a sub-attribute. */
    static void validate(AttributeDef attribute, Filter f) {
        if (f instanceof And a) {
            validate(attribute, a.left());
            validate(attribute, a.right());
        } else if (f instanceof Or o) {
            validate(attribute, o.left());
            validate(attribute, o.right());
        } else if (f instanceof Not n) {
            validate(attribute, n.inner());
        } else if (f instanceof Compare c) {
            subOf(attribute, c.path());
        } else if (f instanceof Present p) {
            subOf(attribute, p.path());
        } else {
            throw new ScimException(ScimProblem.VALUE_FILTER_NESTED);
        }
    }

    /**
     * The element a filtered add/replace creates when nothing matches: the {@code eq} comparisons joined by
     * {@code and} become its fields ({@code type eq "work"} gives {@code {"type":"work"}}). Null when the
     * filter has no such part (an {@code or}, {@code not} or range cannot describe one element).
     */
    static ObjectNode template(AttributeDef attribute, Filter filter) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        return addEqualities(attribute, filter, out) && !out.isEmpty() ? out : null;
    }

    private static boolean addEqualities(AttributeDef attribute, Filter f, ObjectNode out) {
        if (f instanceof And a) {
            return addEqualities(attribute, a.left(), out) && addEqualities(attribute, a.right(), out);
        }
        if (f instanceof Compare c && c.op() == CompareOp.EQ && !(c.value() instanceof Literal.Null)) {
            out.set(subOf(attribute, c.path()).name(), node(c.value()));
            return true;
        }
        return false;
    }

    private static JsonNode node(Literal l) {
        if (l instanceof Literal.Str s) {
            return TextNode.valueOf(s.value());
        }
        if (l instanceof Literal.Bool b) {
            return BooleanNode.valueOf(b.value());
        }
        return DecimalNode.valueOf(((Literal.Num) l).value());
    }

    private static AttributeDef subOf(AttributeDef attribute, AttrPath path) {
        AttributeDef sub = attribute.sub(path.name());
        if (sub == null || path.sub() != null) {
            throw new ScimException(ScimProblem.UNKNOWN_SUB_ATTRIBUTE, path, attribute.name());
        }
        return sub;
    }

    @Override
    public Boolean and(And f) {
        return f.left().accept(this) && f.right().accept(this);
    }

    @Override
    public Boolean or(Or f) {
        return f.left().accept(this) || f.right().accept(this);
    }

    @Override
    public Boolean not(Not f) {
        return !f.inner().accept(this);
    }

    @Override
    public Boolean present(Present f) {
        return !JsonFields.isEmpty(element.get(subOf(attribute, f.path()).name()));
    }

    @Override
    public Boolean valuePath(ValuePath f) {
        throw new ScimException(ScimProblem.VALUE_FILTER_NESTED);
    }

    @Override
    public Boolean compare(Compare f) {
        AttributeDef sub = subOf(attribute, f.path());
        JsonNode actual = element.get(sub.name());
        Literal expected = f.value();
        if (f.op() == CompareOp.EQ) {
            return equal(actual, expected, sub.caseExact());
        }
        if (f.op() == CompareOp.NE) {
            return !equal(actual, expected, sub.caseExact());
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected instanceof Literal.Num n) {
            if (!actual.isNumber()) {
                return false;
            }
            return ordered(f.op(), actual.decimalValue().compareTo(n.value()));
        }
        if (!(expected instanceof Literal.Str s) || !actual.isTextual()) {
            return false;
        }
        String a = fold(actual.textValue(), sub.caseExact());
        String e = fold(s.value(), sub.caseExact());
        switch (f.op()) {
            case CO:
                return a.contains(e);
            case SW:
                return a.startsWith(e);
            case EW:
                return a.endsWith(e);
            default:
                return ordered(f.op(), a.compareTo(e));
        }
    }

    private static boolean equal(JsonNode actual, Literal expected, boolean caseExact) {
        if (expected instanceof Literal.Null) {
            return actual == null || actual.isNull();
        }
        if (actual == null) {
            return false;
        }
        if (expected instanceof Literal.Str s) {
            return actual.isTextual() && fold(actual.textValue(), caseExact).equals(fold(s.value(), caseExact));
        }
        if (expected instanceof Literal.Bool b) {
            return actual.isBoolean() && actual.booleanValue() == b.value();
        }
        return actual.isNumber() && actual.decimalValue().compareTo(((Literal.Num) expected).value()) == 0;
    }

    private static boolean ordered(CompareOp op, int cmp) {
        switch (op) {
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            case LT:
                return cmp < 0;
            default:
                return cmp <= 0;
        }
    }

    private static String fold(String s, boolean caseExact) {
        return caseExact ? s : s.toLowerCase(Locale.ROOT);
    }
}
