package app.scimconsole.console;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link java.text.MessageFormat} pattern of a bundle as what it can print: literal pieces with a hole for each
 * argument. A {@code choice} argument prints one of its options, so a pattern with one becomes one alternative per
 * option; any other argument ({@code {0}}, {@code {0,number,integer}}, {@code {0,date,short}}, …) is a hole.
 *
 * @param key    the bundle key, for reports
 * @param pieces literals (String) and holes ({@link #HOLE}), never two literals in a row
 */
record BundlePattern(String key, List<Object> pieces) {
    /** Where an argument's text goes. */
    static final Object HOLE = new Object() {
        @Override
        public String toString() {
            return "{…}";
        }
    };

    /**
     * Every way {@code pattern} can print (one unless it has a choice). A text that is no MessageFormat pattern (a
     * code block with braces, say) can only be shown as written, without arguments.
     */
    static List<BundlePattern> parse(String key, String pattern) {
        List<BundlePattern> out = new ArrayList<>();
        try {
            new MessageFormat(pattern);
        } catch (IllegalArgumentException notAPattern) {
            return List.of(new BundlePattern(key, List.of(pattern)));
        }
        for (List<Object> alternative : alternatives(pattern)) {
            out.add(new BundlePattern(key, merge(alternative)));
        }
        return out;
    }

    private static List<List<Object>> alternatives(String pattern) {
        List<List<Object>> results = new ArrayList<>();
        results.add(new ArrayList<>());
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                // MessageFormat quoting: '' is a quote, '…' is literal text
                int end = pattern.indexOf('\'', i + 1);
                if (end == i + 1) {
                    literal.append('\'');
                    i += 2;
                } else {
                    end = end < 0 ? pattern.length() : end;
                    literal.append(pattern, i + 1, end);
                    i = end + 1;
                }
            } else if (c == '{') {
                int end = closingBrace(pattern, i);
                String argument = pattern.substring(i + 1, end);
                String[] parts = argument.split(",", 3);
                List<List<Object>> options = new ArrayList<>();
                if (parts.length == 3 && parts[1].strip().equals("choice")) {
                    for (String option : parts[2].split("\\|")) {
                        String text = option.replaceFirst("^[^#<≤]*[#<≤]", "");
                        options.addAll(alternatives(text));
                    }
                } else {
                    List<Object> hole = new ArrayList<>();
                    hole.add(HOLE);
                    options.add(hole);
                }
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> sofar : results) {
                    for (List<Object> option : options) {
                        List<Object> joined = new ArrayList<>(sofar);
                        joined.add(literal.toString());
                        joined.addAll(option);
                        next.add(joined);
                    }
                }
                results = next;
                literal.setLength(0);
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        for (List<Object> r : results) {
            r.add(literal.toString());
        }
        return results;
    }

    private static int closingBrace(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                depth++;
            } else if (pattern.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in " + pattern);
    }

    /** Joins adjacent literals and drops empty ones; adjacent holes become one (their texts run together anyway). */
    private static List<Object> merge(List<Object> raw) {
        List<Object> out = new ArrayList<>();
        for (Object p : raw) {
            Object last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p instanceof String s) {
                if (s.isEmpty()) {
                    continue;
                }
                if (last instanceof String l) {
                    out.set(out.size() - 1, l + s);
                } else {
                    out.add(s);
                }
            } else if (last != HOLE) {
                out.add(HOLE);
            }
        }
        return List.copyOf(out);
    }

    boolean hasHoles() {
        return pieces.contains(HOLE);
    }

    /** The literal text (for patterns without holes). */
    String literalText() {
        StringBuilder b = new StringBuilder();
        pieces.forEach(p -> b.append(p == HOLE ? "" : p));
        return b.toString();
    }
}
