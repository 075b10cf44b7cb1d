package app.scimconsole.scim;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a path written as text lands ({@link AttributeTarget}), parsed and resolved once per spelling: every create
 * and PUT resolves each member name of its body twice (is it writable, then where it goes), and a PATCH each of its
 * paths, always the same few dozen spellings (issue 21: a create's request thread). Only paths that resolved are
 * kept, at most {@value #KEPT} spellings a type (past that the map starts again), so a client sending endless new
 * names costs what it cost before and no more memory.
 */
final class PathTargets {
    private static final int KEPT = 1000;
    private static final Map<ResourceType, BoundedCache<String, AttributeTarget>> RESOLVED =
            new EnumMap<>(ResourceType.class);
    private static final BoundedCache<String, PatchPath> PARSED = new BoundedCache<>(KEPT, FilterParser::parsePatchPath);

    static {
        for (ResourceType type : ResourceType.values()) {
            RESOLVED.put(type, new BoundedCache<>(KEPT, path -> AttributeTarget.of(type, parse(path))));
        }
    }

    private PathTargets() {
    }

    /**
     * {@code path} as a PATCH path of {@code type} ({@link FilterParser#parsePatchPath}, then
     * {@link AttributeTarget#of}), with the same refusals.
     */
    static AttributeTarget of(ResourceType type, String path) {
        return RESOLVED.get(type).get(path);
    }

    /** {@link FilterParser#parsePatchPath}, with its refusals, of a path kept once it parsed. */
    static PatchPath parse(String path) {
        return PARSED.get(path);
    }
}
