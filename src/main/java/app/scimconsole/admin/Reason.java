package app.scimconsole.admin;

import java.util.List;

/**
 * Why something happened, as data: a stable code and its arguments (a domain, a record name, an ISO-8601 instant, a
 * count…), in the order the code documents. People read it as a sentence made at the edge (the console's bundles,
 * the CLI's bundle); programs read the code. Nothing downstream parses a sentence to get these back.
 */
public record Reason(String code, List<String> args) {
    public Reason {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A reason needs a code.");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason of(String code, Object... args) {
        // a loop, not a stream: every write's activity entry makes one (issue 21, a create's request thread)
        String[] texts = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : args[i].toString();
        }
        return new Reason(code, List.of(texts));
    }
}
