package app.scimconsole.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An API's routes as a table: method + path pattern → handler. A pattern is a list of segments, each a literal or a
 * {@code {name}} that takes any one segment ({@code users/{id}/members}). Matching is by path first, then by
 * method: a path no pattern fits is {@link NotFound}, a path some pattern fits but not with this method is
 * {@link MethodNotAllowed} with the methods that pattern has, in the order they were added, for the {@code Allow}
 * header. Where several patterns fit a path, the one with a literal at the first segment where they differ wins, so
 * {@code Users/.search} is not taken for {@code Users/{id}}.
 *
 * <p>Pure: it knows nothing of exchanges or error bodies; each endpoint says what a {@link NotFound} or a
 * {@link MethodNotAllowed} is in its own API.
 *
 * @param <H> what an endpoint calls for a route
 */
final class RouteTable<H> {
    /** What a request is routed to. */
    sealed interface Match<H> permits Found, NotFound, MethodNotAllowed {
    }

    /** {@code params} holds each {@code {name}} of the pattern with the segment it took. */
    record Found<H>(H handler, Map<String, String> params) implements Match<H> {
        String param(String name) {
            return params.get(name);
        }
    }

    record NotFound<H>() implements Match<H> {
    }

    /** {@code allowed} in the order the routes were added. */
    record MethodNotAllowed<H>(List<String> allowed) implements Match<H> {
        /** The value of the {@code Allow} header (RFC 9110 §10.2.1). */
        String allowHeader() {
            return String.join(", ", allowed);
        }
    }

    private final List<Pattern<H>> patterns;
    private final boolean ignoreCase;

    private RouteTable(List<Pattern<H>> patterns, boolean ignoreCase) {
        this.patterns = patterns;
        this.ignoreCase = ignoreCase;
    }

    static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** Routes {@code method} (upper case, as {@link Exchange#method()} gives it) and the decoded path segments. */
    Match<H> match(String method, List<String> segments) {
        Pattern<H> best = null;
        for (Pattern<H> p : patterns) {
            if (p.fits(segments, ignoreCase) && (best == null || p.moreSpecificThan(best))) {
                best = p;
            }
        }
        if (best == null) {
            return new NotFound<>();
        }
        H handler = best.byMethod.get(method);
        if (handler == null) {
            return new MethodNotAllowed<>(List.copyOf(best.byMethod.keySet()));
        }
        return new Found<>(handler, best.params(segments));
    }

    /**
     * The path below {@code prefix}, split at '/' and each segment percent-decoded: empty segments are dropped (a
     * doubled or trailing slash changes nothing), and a '+' stays a '+', as in a path it is no space. An encoded
     * '/' stays inside its segment, so an id may contain one. A path that does not start with {@code prefix} is
     * read whole.
     */
    static List<String> segments(String rawPath, String prefix) {
        String below = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
        List<String> out = new ArrayList<>();
        for (String s : below.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static final class Builder<H> {
        private final Map<String, Pattern<H>> byShape = new LinkedHashMap<>();
        private boolean ignoreCase;

        private Builder() {
        }

        /** Literal segments match in any case (SCIM's {@code /users} is {@code /Users}). */
        Builder<H> ignoringCase() {
            ignoreCase = true;
            return this;
        }

        /** Adds {@code method pattern → handler}; the same pattern may be added for several methods. */
        Builder<H> route(String method, String pattern, H handler) {
            Pattern<H> parsed = Pattern.parse(pattern);
            Pattern<H> known = byShape.putIfAbsent(parsed.shape(), parsed);
            Pattern<H> target = known == null ? parsed : known;
            if (known != null && !known.segments.equals(parsed.segments)) {
                throw new IllegalArgumentException("'" + pattern + "' has the shape of '" + String.join("/",
                        known.segments) + "' with other parameter names");
            }
            if (target.byMethod.putIfAbsent(method.toUpperCase(Locale.ROOT), handler) != null) {
                throw new IllegalArgumentException(method + " " + pattern + " is routed twice");
            }
            return this;
        }

        RouteTable<H> build() {
            return new RouteTable<>(List.copyOf(byShape.values()), ignoreCase);
        }
    }

    /** One pattern and its handlers by method. */
    private static final class Pattern<H> {
        private final List<String> segments;
        private final Map<String, H> byMethod = new LinkedHashMap<>();

        private Pattern(List<String> segments) {
            this.segments = segments;
        }

        static <H> Pattern<H> parse(String pattern) {
            List<String> segments = new ArrayList<>();
            for (String s : pattern.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
            return new Pattern<>(Collections.unmodifiableList(segments));
        }

        private static boolean isParam(String segment) {
            return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
        }

        /** The pattern with its parameters unnamed: two patterns of one shape fit the same paths. */
        String shape() {
            return String.join("/", segments.stream().map(s -> isParam(s) ? "{}" : s).toList());
        }

        boolean fits(List<String> path, boolean ignoreCase) {
            if (path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                if (!isParam(s) && !(ignoreCase ? s.equalsIgnoreCase(path.get(i)) : s.equals(path.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        /** Both fit the same path, so they have the same length; the first literal against a parameter decides. */
        boolean moreSpecificThan(Pattern<H> other) {
            for (int i = 0; i < segments.size(); i++) {
                boolean mine = isParam(segments.get(i));
                boolean theirs = isParam(other.segments.get(i));
                if (mine != theirs) {
                    return theirs;
                }
            }
            return false;
        }

        Map<String, String> params(List<String> path) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                if (isParam(s)) {
                    params.put(s.substring(1, s.length() - 1), path.get(i));
                }
            }
            return Collections.unmodifiableMap(params);
        }
    }
}
