package app.scimconsole.scim;

import app.scimconsole.scim.Filter.And;
import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter.Not;
import app.scimconsole.scim.Filter.Or;
import app.scimconsole.scim.Filter.Present;
import app.scimconsole.scim.Filter.ValuePath;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for RFC 7644 filters (§3.4.2.2) and PATCH paths (§3.5.2). Precedence:
 * {@code not} / grouping, then {@code and}, then {@code or}; both folded to the left. Keywords and
 * operators are case-insensitive. Also accepts Entra's {@code attr[filter].sub op value} (rewritten to a
 * same-element value path), for Entra's oldest samples an unquoted word as a string value, and an unquoted
 * dateTime as Microsoft's reference implementation sends it.
 *
 * <p>Every failure is a {@link ScimException} ({@code invalidFilter} or {@code invalidPath}) naming
 * the character position; input length and nesting depth are capped so hostile input cannot exhaust
 * the stack.
 */
public final class FilterParser {
    public static final int MAX_LENGTH = 8192;
    public static final int MAX_DEPTH = 32;

    /** RFC 8259 §6; stricter than {@link BigDecimal}, which also takes "01", ".5", "1." and non-ASCII digits. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    /**
     * An xsd:dateTime written without quotes ({@code meta.created gt 2015-10-10T14:38:21Z}), as Microsoft's reference
     * implementation and its published test collection send it.
     */
    private static final Pattern UNQUOTED_DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");
    /** What an unquoted string value may look like: a word, an e-mail address, a host name. */
    private static final Pattern UNQUOTED_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9._@+-]*");

    private final String in;
    private final boolean patchPath;
    private int pos;
    private int depth;

    private FilterParser(String in, boolean patchPath) {
        this.in = in;
        this.patchPath = patchPath;
    }

    public static Filter parseFilter(String text) {
        FilterParser p = start(text, false);
        Filter f = p.orExpr(false);
        p.expectEnd();
        return f;
    }

    public static PatchPath parsePatchPath(String text) {
        FilterParser p = start(text, true);
        p.skipSpace();
        AttrPath attr = p.attrPath(false);
        Filter valueFilter = null;
        String sub = null;
        if (p.peek('[')) {
            if (attr.sub() != null) {
                throw p.error(Syntax.AFTER_SUB_ATTRIBUTE);
            }
            p.pos++;
            valueFilter = p.orExpr(true);
            p.expect(']');
            if (p.peek('.')) {
                p.pos++;
                sub = p.name();
            }
        }
        p.expectEnd();
        return new PatchPath(attr, valueFilter, sub);
    }

    /** Parses a bare attribute path such as {@code name.givenName} or a URN-qualified one. */
    public static AttrPath parseAttrPath(String text) {
        FilterParser p = start(text, true);
        p.skipSpace();
        AttrPath a = p.attrPath(false);
        p.expectEnd();
        return a;
    }

    /** Rejects empty and over-long input before any parsing, with a position like every other error. */
    private static FilterParser start(String text, boolean patchPath) {
        FilterParser p = new FilterParser(text == null ? "" : text, patchPath);
        if (p.in.isBlank()) {
            throw p.errorAt(0, Syntax.EMPTY);
        }
        if (p.in.length() > MAX_LENGTH) {
            throw p.errorAt(MAX_LENGTH, Syntax.TOO_LONG, MAX_LENGTH);
        }
        return p;
    }

    private void expectEnd() {
        skipSpace();
        if (!atEnd()) {
            throw error(Syntax.UNEXPECTED, in.charAt(pos));
        }
    }

    private Filter orExpr(boolean inValuePath) {
        enter();
        Filter left = andExpr(inValuePath);
        while (keyword("or")) {
            left = new Or(left, andExpr(inValuePath));
        }
        depth--;
        return left;
    }

    private Filter andExpr(boolean inValuePath) {
        Filter left = unary(inValuePath);
        while (keyword("and")) {
            left = new And(left, unary(inValuePath));
        }
        return left;
    }

    private Filter unary(boolean inValuePath) {
        skipSpace();
        if (keyword("not")) {
            skipSpace();
            expect('(');
            Filter inner = orExpr(inValuePath);
            expect(')');
            return new Not(inner);
        }
        if (peek('(')) {
            pos++;
            Filter inner = orExpr(inValuePath);
            expect(')');
            return inner;
        }
        int start = pos;
        AttrPath path = attrPath(inValuePath);
        if (peek('[')) {
            if (inValuePath) {
                throw errorAt(pos, Syntax.NESTED_VALUE_FILTER);
            }
            if (path.sub() != null) {
                throw errorAt(pos, Syntax.AFTER_SUB_ATTRIBUTE);
            }
            pos++;
            Filter inner = orExpr(true);
            expect(']');
            if (peek('.')) {
                // Entra's form: emails[type eq "work"].value eq "x" -- one element must satisfy both.
                pos++;
                String sub = name();
                Filter leaf = comparison(new AttrPath(null, sub, null), start);
                return new ValuePath(path, new And(inner, leaf));
            }
            return new ValuePath(path, inner);
        }
        return comparison(path, start);
    }

    private Filter comparison(AttrPath path, int start) {
        if (!skipSpace()) {
            throw error(Syntax.EXPECTED_OPERATOR, path);
        }
        int opAt = pos;
        String word = word();
        if (word.equalsIgnoreCase("pr")) {
            return new Present(path);
        }
        CompareOp op = CompareOp.fromWire(word);
        if (op == null) {
            throw word.isEmpty() ? errorAt(opAt, Syntax.EXPECTED_OPERATOR, path)
                    : errorAt(opAt, Syntax.UNKNOWN_OPERATOR, word);
        }
        if (!skipSpace()) {
            throw error(Syntax.EXPECTED_VALUE_AFTER, word);
        }
        return new Compare(path, op, literal());
    }

    /**
     * A JSON literal. Anything unquoted is read as one token first and then classified, so a value
     * such as {@code 12abc} fails as a whole instead of splitting into a number and trailing garbage.
     */
    private Literal literal() {
        if (peek('"')) {
            return new Literal.Str(string());
        }
        int at = pos;
        String w = bareWord();
        if (w.isEmpty()) {
            throw errorAt(at, Syntax.EXPECTED_VALUE);
        }
        switch (w) {
            case "true":
                return new Literal.Bool(true);
            case "false":
                return new Literal.Bool(false);
            case "null":
                return new Literal.Null();
            default:
                break;
        }
        if (w.equalsIgnoreCase("true") || w.equalsIgnoreCase("false") || w.equalsIgnoreCase("null")) {
            throw errorAt(at, Syntax.LITERAL_CASE, w);
        }
        if (UNQUOTED_DATE_TIME.matcher(w).matches()) {
            return new Literal.Str(w); // lenient: the dateTime a quoted string would carry
        }
        char first = w.charAt(0);
        if (first == '-' || (first >= '0' && first <= '9') || first == '.') {
            if (!JSON_NUMBER.matcher(w).matches()) {
                throw errorAt(at, Syntax.NOT_A_NUMBER, w);
            }
            return new Literal.Num(new BigDecimal(w));
        }
        if (!UNQUOTED_WORD.matcher(w).matches()) {
            throw errorAt(at, Syntax.UNQUOTED_VALUE, w);
        }
        return new Literal.Str(w); // lenient: Entra's oldest samples send unquoted values (externalId eq jyoung)
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (!atEnd()) {
            char c = in.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                char e = in.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> b.append(unicodeEscape());
                    default -> throw errorAt(pos - 2, Syntax.UNKNOWN_ESCAPE, e);
                }
            } else {
                b.append(c);
            }
        }
        throw errorAt(start, Syntax.UNTERMINATED_STRING);
    }

    /** The four hex digits of a unicode escape; {@code pos} stands on the first of them. */
    private char unicodeEscape() {
        int at = pos - 2;
        int code = 0;
        for (int i = 0; i < 4; i++, pos++) {
            int digit = atEnd() ? -1 : Character.digit(in.charAt(pos), 16);
            // Character.digit also accepts full-width and other non-ASCII digits; JSON allows only ASCII.
            if (digit < 0 || in.charAt(pos) > 'f') {
                throw errorAt(at, Syntax.UNICODE_ESCAPE);
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    /**
     * {@code [urn ":"] name ["." sub]}. The URN is everything before the last ':' (it contains dots
     * itself, as in {@code ...:core:2.0:User}).
     */
    private AttrPath attrPath(boolean relative) {
        skipSpace();
        int start = pos;
        while (!atEnd() && isPathChar(in.charAt(pos))) {
            pos++;
        }
        String token = in.substring(start, pos);
        if (token.isEmpty()) {
            throw atEnd() ? errorAt(start, Syntax.EXPECTED_ATTRIBUTE)
                    : errorAt(start, Syntax.UNEXPECTED, in.charAt(start));
        }
        String urn = null;
        String rest = token;
        int colon = token.lastIndexOf(':');
        if (colon >= 0) {
            if (relative) {
                throw errorAt(start, Syntax.URN_INSIDE_BRACKETS);
            }
            urn = token.substring(0, colon);
            rest = token.substring(colon + 1);
            if (!urn.regionMatches(true, 0, "urn:", 0, 4)) {
                throw errorAt(start, Syntax.NOT_A_URN, urn);
            }
        }
        String[] parts = rest.split("\\.", -1);
        if (parts.length > 2 || (relative && parts.length > 1)) {
            throw errorAt(start, Syntax.TOO_MANY_LEVELS, token);
        }
        for (String part : parts) {
            if (!isName(part)) {
                throw errorAt(start, Syntax.BAD_ATTRIBUTE_PATH, token);
            }
        }
        return new AttrPath(urn, parts[0], parts.length == 2 ? parts[1] : null);
    }

    private String name() {
        int start = pos;
        while (!atEnd() && isNameChar(in.charAt(pos))) {
            pos++;
        }
        String n = in.substring(start, pos);
        if (!isName(n)) {
            throw errorAt(start, Syntax.EXPECTED_SUB_ATTRIBUTE);
        }
        return n;
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '$')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$');
    }

    private static boolean isPathChar(char c) {
        return isNameChar(c) || c == ':' || c == '.';
    }

    private String word() {
        int start = pos;
        while (!atEnd() && Character.isLetter(in.charAt(pos))) {
            pos++;
        }
        return in.substring(start, pos);
    }

    private String bareWord() {
        int start = pos;
        while (!atEnd() && !Character.isWhitespace(in.charAt(pos)) && "()[]\"".indexOf(in.charAt(pos)) < 0) {
            pos++;
        }
        return in.substring(start, pos);
    }

    /**
     * Consumes {@code kw} when it stands next, as a whole word after optional space. A path character
     * right after it ({@code notes}, {@code or.x}, {@code and:...}) makes it part of an attribute path.
     */
    private boolean keyword(String kw) {
        int save = pos;
        skipSpace();
        int end = pos + kw.length();
        if (end <= in.length() && in.regionMatches(true, pos, kw, 0, kw.length())
                && (end == in.length() || !isPathChar(in.charAt(end)))) {
            pos = end;
            return true;
        }
        pos = save;
        return false;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(Syntax.TOO_DEEP, MAX_DEPTH);
        }
    }

    private boolean skipSpace() {
        int start = pos;
        while (!atEnd() && Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private boolean peek(char c) {
        return !atEnd() && in.charAt(pos) == c;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error(Syntax.EXPECTED, c);
        }
        pos++;
    }

    private boolean atEnd() {
        return pos >= in.length();
    }

    private ScimException error(Syntax what, Object... args) {
        return errorAt(pos, what, args);
    }

    /** The problem at the 0-based {@code at}, told 1-based, before the problem's own arguments. */
    private ScimException errorAt(int at, Syntax what, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = at + 1;
        System.arraycopy(args, 0, all, 1, args.length);
        return new ScimException(patchPath ? what.inPath : what.inFilter, all);
    }

    /** Each grammar failure, as it is told for a filter and for a PATCH path. */
    private enum Syntax {
        EMPTY(ScimProblem.FILTER_EMPTY, ScimProblem.PATH_EMPTY),
        TOO_LONG(ScimProblem.FILTER_TOO_LONG, ScimProblem.PATH_TOO_LONG),
        TOO_DEEP(ScimProblem.FILTER_TOO_DEEP, ScimProblem.PATH_TOO_DEEP),
        UNEXPECTED(ScimProblem.FILTER_UNEXPECTED, ScimProblem.PATH_UNEXPECTED),
        EXPECTED(ScimProblem.FILTER_EXPECTED, ScimProblem.PATH_EXPECTED),
        AFTER_SUB_ATTRIBUTE(ScimProblem.FILTER_AFTER_SUB_ATTRIBUTE, ScimProblem.PATH_AFTER_SUB_ATTRIBUTE),
        NESTED_VALUE_FILTER(ScimProblem.FILTER_NESTED_VALUE_FILTER, ScimProblem.PATH_NESTED_VALUE_FILTER),
        EXPECTED_OPERATOR(ScimProblem.FILTER_EXPECTED_OPERATOR, ScimProblem.PATH_EXPECTED_OPERATOR),
        UNKNOWN_OPERATOR(ScimProblem.FILTER_UNKNOWN_OPERATOR, ScimProblem.PATH_UNKNOWN_OPERATOR),
        EXPECTED_VALUE_AFTER(ScimProblem.FILTER_EXPECTED_VALUE_AFTER, ScimProblem.PATH_EXPECTED_VALUE_AFTER),
        EXPECTED_VALUE(ScimProblem.FILTER_EXPECTED_VALUE, ScimProblem.PATH_EXPECTED_VALUE),
        LITERAL_CASE(ScimProblem.FILTER_LITERAL_CASE, ScimProblem.PATH_LITERAL_CASE),
        NOT_A_NUMBER(ScimProblem.FILTER_NOT_A_NUMBER, ScimProblem.PATH_NOT_A_NUMBER),
        UNQUOTED_VALUE(ScimProblem.FILTER_UNQUOTED_VALUE, ScimProblem.PATH_UNQUOTED_VALUE),
        UNKNOWN_ESCAPE(ScimProblem.FILTER_UNKNOWN_ESCAPE, ScimProblem.PATH_UNKNOWN_ESCAPE),
        UNICODE_ESCAPE(ScimProblem.FILTER_UNICODE_ESCAPE, ScimProblem.PATH_UNICODE_ESCAPE),
        UNTERMINATED_STRING(ScimProblem.FILTER_UNTERMINATED_STRING, ScimProblem.PATH_UNTERMINATED_STRING),
        EXPECTED_ATTRIBUTE(ScimProblem.FILTER_EXPECTED_ATTRIBUTE, ScimProblem.PATH_EXPECTED_ATTRIBUTE),
        EXPECTED_SUB_ATTRIBUTE(ScimProblem.FILTER_EXPECTED_SUB_ATTRIBUTE, ScimProblem.PATH_EXPECTED_SUB_ATTRIBUTE),
        URN_INSIDE_BRACKETS(ScimProblem.FILTER_URN_INSIDE_BRACKETS, ScimProblem.PATH_URN_INSIDE_BRACKETS),
        NOT_A_URN(ScimProblem.FILTER_NOT_A_URN, ScimProblem.PATH_NOT_A_URN),
        TOO_MANY_LEVELS(ScimProblem.FILTER_TOO_MANY_LEVELS, ScimProblem.PATH_TOO_MANY_LEVELS),
        BAD_ATTRIBUTE_PATH(ScimProblem.FILTER_BAD_ATTRIBUTE_PATH, ScimProblem.PATH_BAD_ATTRIBUTE_PATH);

        private final ScimProblem inFilter;
        private final ScimProblem inPath;

        Syntax(ScimProblem inFilter, ScimProblem inPath) {
            this.inFilter = inFilter;
            this.inPath = inPath;
        }
    }
}
