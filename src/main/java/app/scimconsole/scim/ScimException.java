package app.scimconsole.scim;

import java.util.Arrays;
import java.util.List;

/**
 * A failure that a SCIM client is told about: an HTTP status, an optional {@link ScimType}, and what went wrong
 * as data, a {@link ScimProblem} and its arguments. The English {@link #detail()} for the wire is made from those
 * by the problem; anyone who keeps or shows the failure (the activity log, the console) keeps the code and the
 * arguments. Unchecked, because every layer simply lets it travel to the HTTP edge.
 */
public final class ScimException extends RuntimeException {
    private final int status;
    private final ScimType scimType;
    private final ScimProblem problem;
    private final List<String> args;

    /** With the status and {@code scimType} the problem travels with. */
    public ScimException(ScimProblem problem, Object... args) {
        this(problem.status(), problem.scimType(), problem, strings(args));
    }

    /**
     * The same problem under another {@code scimType} (and its status): an unknown attribute is {@code invalidPath}
     * in a PATCH but {@code invalidFilter} in a filter.
     */
    public ScimException(ScimType scimType, ScimProblem problem, Object... args) {
        this(scimType.status(), scimType, problem, strings(args));
    }

    private ScimException(int status, ScimType scimType, ScimProblem problem, List<String> args) {
        super(problem.english(args), null, false, false);
        assert args.size() == problem.arity() : problem + " takes " + problem.arity() + " arguments, not " + args;
        this.status = status;
        this.scimType = scimType;
        this.problem = problem;
        this.args = args;
    }

    /** This problem and its arguments, travelling with another {@code scimType} (and its status). */
    public ScimException as(ScimType otherType) {
        return new ScimException(otherType.status(), otherType, problem, args);
    }

    public int status() {
        return status;
    }

    /** May be null: 401, 404, 405, 412, 413, 415, 429 and 5xx carry no scimType. */
    public ScimType scimType() {
        return scimType;
    }

    public ScimProblem problem() {
        return problem;
    }

    /** The problem's arguments, in its order; never null, values never null. */
    public List<String> args() {
        return args;
    }

    /** The English detail the wire carries (RFC 7644 §3.12). */
    public String detail() {
        return getMessage();
    }

    private static List<String> strings(Object[] args) {
        return Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList();
    }
}
