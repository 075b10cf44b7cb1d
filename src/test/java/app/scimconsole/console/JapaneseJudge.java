package app.scimconsole.console;

import app.scimconsole.console.setup.RequiredMapping;
import app.scimconsole.domains.Challenge;
import app.scimconsole.scim.AttributeDef;
import app.scimconsole.scim.ResourceSchema;
import app.scimconsole.scim.Schemas;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Rcode;

/**
 * Decides whether a text the Japanese console shows is Japanese from its bundle. A text passes when it is made, end
 * to end, of
 * <ul>
 * <li>texts of {@code messages_ja.properties}, each argument of a pattern a hole whose content must itself pass by
 * these same rules (so an English sentence passed as an argument still fails);</li>
 * <li>values: domain names, e-mail addresses, URLs, file paths, UUIDs, tokens and record values, numbers, dates and
 * times, JSON documents, the SCIM and Entra attribute names the owner maps, an HTTP request line, and the values
 * the test itself gave the service ({@link #withValues});</li>
 * <li>the few Latin words that Japanese product text keeps as they are ({@link #ALLOWED_WORDS});</li>
 * <li>spaces, punctuation and symbols between them.</li>
 * </ul>
 * The bundle is read from its file, not through {@link java.util.ResourceBundle}, so that a key missing from the
 * Japanese bundle (which the console would show from the English parent) is not taken for Japanese.
 */
final class JapaneseJudge {
    /**
     * Latin words that stay Latin in Japanese product text: product names (Microsoft Entra ID, SCIM Console, ovice),
     * the protocols and record types the owner types into other products exactly so (SCIM, DNS, TXT, CNAME, NS, HTTP(S),
     * TLS), the abbreviations Japanese IT writing keeps (URL, ID, IP, OK), file formats (CSV, JSON), and the names
     * of the languages in the language picker, each written in its own language (English, 日本語) so that anyone
     * finds theirs.
     */
    static final List<String> ALLOWED_WORDS = List.of("Microsoft Entra ID", "Microsoft", "Entra", "SCIM Console",
            "SCIM", "ovice", "DNS", "TXT", "CNAME", "NS", "HTTPS", "HTTP", "TLS", "URL", "ID", "IP", "OK", "CSV", "JSON",
            "English", "日本語");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<Pattern> VALUE_SHAPES = List.of(
            Pattern.compile("https?://[^\\s「」『』（）()、。<>\"']+"), // URL
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), // e-mail address
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}"), // UUID
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})"), // ISO instant
            // a token or record value: long, no spaces, with a digit
            Pattern.compile("(?=[A-Za-z0-9_\\-=+/.:]{16,})(?=[A-Za-z_\\-=+/.:]*[0-9])[A-Za-z0-9_\\-=+/.:]+"),
            // a domain, host or record name (labels may start with _ as DNS record names do)
            Pattern.compile("(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*\\.?"),
            Pattern.compile("(?:/|[A-Za-z]:\\\\)[^\\s「」『』（）()、。<>\"']+"), // file path
            Pattern.compile("\\d[\\d,.:/-]*"), // number, date, time, address and port
            Pattern.compile("(?:GET|POST|PUT|PATCH|DELETE) /?[A-Za-z0-9/_.-]*")); // what a request attempted

    private final List<BundlePattern> patterns;
    private final Map<Character, List<BundlePattern>> byFirstChar = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder()));
    /** Attribute names that are also plain English words ("title", "members"): values only when they stand alone. */
    private final Set<String> plainNames = new TreeSet<>();

    private JapaneseJudge(List<BundlePattern> patterns) {
        this.patterns = patterns;
        for (BundlePattern p : patterns) {
            byFirstChar.computeIfAbsent(((String) p.pieces().get(0)).charAt(0), c -> new ArrayList<>()).add(p);
        }
        words.addAll(ALLOWED_WORDS);
        words.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : protocolNames()) {
            (name.matches("[a-z]+") ? plainNames : values).add(name);
        }
    }

    /** A judge of {@code messages_ja.properties} as the console ships it. */
    static JapaneseJudge ofConsoleBundle() {
        Properties ja = consoleBundle("messages_ja.properties");
        Map<String, String> texts = new HashMap<>();
        ja.stringPropertyNames().forEach(k -> texts.put(k, ja.getProperty(k)));
        return of(texts);
    }

    /** One of the console's bundle files, as written. */
    static Properties consoleBundle(String file) {
        Properties p = new Properties();
        try (InputStream in = JapaneseJudge.class.getResourceAsStream("/app/scimconsole/console/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A judge of the given bundle texts (key → MessageFormat pattern). */
    static JapaneseJudge of(Map<String, String> bundle) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<BundlePattern> usable = new ArrayList<>();
        for (Map.Entry<String, String> e : bundle.entrySet()) {
            for (BundlePattern p : BundlePattern.parse(e.getKey(), e.getValue())) {
                List<Object> trimmed = trimHoles(p.pieces());
                if (!trimmed.isEmpty() && seen.add(trimmed)) {
                    usable.add(new BundlePattern(p.key(), trimmed));
                }
            }
        }
        return new JapaneseJudge(usable);
    }

    /**
     * A hole, or a literal of punctuation only, at either end of a pattern adds nothing: a text is judged as a run of
     * pieces, so what stands before or after a pattern's first or last real words is judged by the same rules
     * anyway. What stays starts and ends with words, holes only between them.
     */
    private static List<Object> trimHoles(List<Object> pieces) {
        int from = 0;
        int to = pieces.size();
        while (from < to && isFiller(pieces.get(from))) {
            from++;
        }
        while (to > from && isFiller(pieces.get(to - 1))) {
            to--;
        }
        return List.copyOf(pieces.subList(from, to));
    }

    private static boolean isFiller(Object piece) {
        return piece == BundlePattern.HOLE || onlySeparators((String) piece);
    }

    /** The names the owner maps in Entra or types at the DNS provider, and reads back in the console. */
    private static Set<String> protocolNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ResourceSchema s : List.of(Schemas.USER, Schemas.GROUP, Schemas.ENTERPRISE_USER)) {
            for (AttributeDef a : s.attributes()) {
                names.add(a.name());
                a.subAttributes().forEach(sub -> names.add(sub.name()));
            }
        }
        for (RequiredMapping m : RequiredMapping.values()) {
            names.add(m.entraAttribute());
            names.add(m.scimAttribute());
        }
        names.add(Challenge.RECORD_LABEL); // the TXT record's host, as the owner types it at the DNS provider
        // what a DNS server answered, as the protocol names it (SERVFAIL, NXDOMAIN, DNSSEC_BOGUS, …)
        for (int code = 0; code < 24; code++) {
            names.add(Rcode.string(code));
        }
        for (int code = 0; code < 32; code++) {
            names.add(ExtendedErrorCodeOption.text(code));
        }
        return names;
    }

    /** Values the test gave the service (names of users and groups, their titles, a pasted zone file…). */
    JapaneseJudge withValues(Collection<String> given) {
        given.stream().filter(v -> v != null && !v.isBlank()).forEach(values::add);
        return this;
    }

    JapaneseJudge withValues(String... given) {
        return withValues(Arrays.asList(given));
    }

    int patternCount() {
        return patterns.size();
    }

    /** Empty when {@code text} passes; otherwise the part of it from where it can no longer be explained. */
    Optional<String> unexplained(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Run run = new Run(text);
        return run.reach(0)[text.length()] ? Optional.empty() : Optional.of(text.substring(run.furthest));
    }

    boolean accepts(String text) {
        return unexplained(text).isEmpty();
    }

    /** One text being judged: which positions can be reached from which, memoised. */
    private final class Run {
        private final String s;
        private final int n;
        private final Map<Integer, boolean[]> reachFrom = new HashMap<>();
        private final Map<Integer, int[]> stepsAt = new HashMap<>();
        /** How far any explanation got: where a report of what is left starts. */
        private int furthest;

        Run(String s) {
            this.s = s;
            this.n = s.length();
        }

        /** reach[e]: the text from {@code start} to e is made of acceptable pieces. */
        boolean[] reach(int start) {
            boolean[] known = reachFrom.get(start);
            if (known != null) {
                return known;
            }
            boolean[] reach = new boolean[n + 1];
            reach[start] = true;
            for (int i = start; i < n; i++) {
                if (reach[i]) {
                    furthest = Math.max(furthest, i);
                    for (int e : steps(i)) {
                        reach[e] = true;
                    }
                }
            }
            reachFrom.put(start, reach);
            return reach;
        }

        /** Where one acceptable piece that starts at i can end. */
        int[] steps(int i) {
            int[] known = stepsAt.get(i);
            if (known != null) {
                return known;
            }
            Set<Integer> ends = new TreeSet<>();
            if (isSeparator(s.charAt(i))) {
                ends.add(i + 1);
            }
            if (!insideWord(i)) {
                for (String v : values) {
                    addIfWhole(ends, i, s.startsWith(v, i) ? i + v.length() : -1);
                }
                for (String w : words) {
                    addIfWhole(ends, i, s.startsWith(w, i) ? i + w.length() : -1);
                }
                for (String name : plainNames) {
                    if (s.startsWith(name, i) && standsAlone(i, i + name.length())) {
                        addIfWhole(ends, i, i + name.length());
                    }
                }
                for (Pattern shape : VALUE_SHAPES) {
                    valueEnds(shape, i, ends);
                }
                if ((s.charAt(i) == '{' || s.charAt(i) == '[') && isJson(s.substring(i))) {
                    ends.add(n);
                }
            }
            for (BundlePattern p : byFirstChar.getOrDefault(s.charAt(i), List.of())) {
                match(p.pieces(), 0, i, ends);
            }
            int[] result = ends.stream().mapToInt(Integer::intValue).toArray();
            stepsAt.put(i, result);
            return result;
        }

        /**
         * Where a value of this shape that starts at i can end: where the longest one ends, and before any punctuation
         * inside it where a shorter one ends too ("127.0.0.1:9" is an address, and "127.0.0.1" before the ":" of a
         * pattern's "{0}:{1}").
         */
        private void valueEnds(Pattern shape, int i, Set<Integer> ends) {
            Matcher m = shape.matcher(s).region(i, n).useTransparentBounds(true);
            if (!m.lookingAt()) {
                return;
            }
            int longest = m.end();
            addIfWhole(ends, i, longest);
            for (int e = i + 1; e < longest; e++) {
                if (isSeparator(s.charAt(e)) && m.region(i, e).matches()) {
                    addIfWhole(ends, i, e);
                }
            }
        }

        /** The pattern's pieces from {@code k} on, matched at {@code pos}; each hole's content must be acceptable. */
        private void match(List<Object> pieces, int k, int pos, Set<Integer> ends) {
            if (k == pieces.size()) {
                ends.add(pos);
                return;
            }
            Object piece = pieces.get(k);
            if (piece instanceof String literal) {
                if (s.startsWith(literal, pos)) {
                    furthest = Math.max(furthest, pos + literal.length());
                    match(pieces, k + 1, pos + literal.length(), ends);
                }
                return;
            }
            // a hole between two literals (holes at either end were trimmed): anything acceptable, even nothing
            String next = (String) pieces.get(k + 1);
            boolean[] reach = null;
            for (int j = s.indexOf(next, pos); j >= 0; j = s.indexOf(next, j + 1)) {
                if (j == pos) {
                    match(pieces, k + 1, j, ends);
                    continue;
                }
                if (reach == null) {
                    reach = reach(pos);
                }
                if (reach[j]) {
                    match(pieces, k + 1, j, ends);
                }
            }
        }

        private void addIfWhole(Set<Integer> ends, int start, int end) {
            if (end > start && !insideWord(end)) {
                ends.add(end);
            }
        }

        /**
         * True unless a Latin word or a number stands next to [from, to) with only spaces between: "title, department"
         * names attributes, "2 members" is English.
         */
        private boolean standsAlone(int from, int to) {
            int before = from - 1;
            while (before >= 0 && s.charAt(before) == ' ') {
                before--;
            }
            int after = to;
            while (after < n && s.charAt(after) == ' ') {
                after++;
            }
            return (before < 0 || !isLatinOrDigit(s.charAt(before))) && (after >= n || !isLatinOrDigit(s.charAt(after)));
        }

        /** True when position p splits a run of Latin letters and digits (a value or word must not). */
        private boolean insideWord(int p) {
            return p > 0 && p < n && isLatinOrDigit(s.charAt(p - 1)) && isLatinOrDigit(s.charAt(p));
        }
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    static boolean isSeparator(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean onlySeparators(String s) {
        return s.chars().allMatch(c -> isSeparator((char) c));
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
