package app.scimconsole.scim;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a path written as text lands ({@link AttributeTarget}), parsed and resolved once per spelling: every create
 * and PUT resolves each member name of its body twice (is it writable, then where it goes), and a PATCH each of its
 * paths, always the same few dozen spellings (issue 21: a create's request thread). Only paths that resolved are
 * kept, at most {@value #KEPT} spellings a type (past that the map starts again), so a client sending endless new
 * names costs what it cost before and no more memory.
 */
final class PathTargets {
    private static final int KEPT = 1000;
    private static final Map<ResourceType, Map<String, AttributeTarget>> RESOLVED = new EnumMap<>(ResourceType.class);
    private static final Map<String, PatchPath> PARSED = new ConcurrentHashMap<>();

    static {
        for (ResourceType type : ResourceType.values()) {
            RESOLVED.put(type, new ConcurrentHashMap<>());
        }
    }

    private PathTargets() {
    }

    /**
     * {@code path} as a PATCH path of {@code type} ({@link FilterParser#parsePatchPath}, then
     * {@link AttributeTarget#of}), with the same refusals.
     */
    static AttributeTarget of(ResourceType type, String path) {
        Map<String, AttributeTarget> resolved = RESOLVED.get(type);
        AttributeTarget known = resolved.get(path);
        if (known != null) {
            return known;
        }
        return keep(resolved, path, AttributeTarget.of(type, parse(path)));
    }

    /** {@link FilterParser#parsePatchPath}, with its refusals, of a path kept once it parsed. */
    static PatchPath parse(String path) {
        PatchPath known = PARSED.get(path);
        return known != null ? known : keep(PARSED, path, FilterParser.parsePatchPath(path));
    }

    private static <T> T keep(Map<String, T> kept, String path, T value) {
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(path, value);
        return value;
    }
}
