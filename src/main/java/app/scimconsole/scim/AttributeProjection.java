package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Returned;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies the {@code attributes} / {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9)
 * together with each attribute's {@code returned} characteristic to a full resource. Names are
 * case-insensitive, may carry a schema URN or a sub-attribute, and a whole schema may be named by its URN.
 * Unknown names are ignored, as the RFC and Entra expect; malformed ones are a 400 {@code invalidPath}.
 *
 * <p>Beyond the RFC, as Microsoft's reference implementation and its test collection use it, a name may select
 * elements of a multi-valued attribute with a value filter: {@code attributes=emails[type eq "work"]} returns only
 * the work e-mails (and {@code emails[type eq "work"].value} only their address); in {@code excludedAttributes} the
 * same name leaves those elements (or that sub-attribute of them) out.
 */
public final class AttributeProjection {
    private static final String SCHEMAS = "schemas";
    private static final SubAttributes DEFAULT_SUBS = (name, returned) ->
            returned == Returned.ALWAYS || returned == Returned.DEFAULT;

    private enum Mode { DEFAULT, ONLY, EXCEPT }

    /** Where an attribute lives: its schema URN ("" for id, externalId and meta) and its name, lower-cased. */
    private record Slot(String schema, String attribute) {
        static Slot of(ResourceSchema schema, String attribute) {
            return new Slot(schema == null ? "" : lower(schema.id()), lower(attribute));
        }
    }

    /** Which sub-attributes of a returned complex attribute are returned too. */
    private interface SubAttributes {
        boolean keeps(String lowerName, Returned returned);
    }

    /** The elements a value filter selects, and the sub-attribute named after it ({@code lowerSub}; null for all). */
    private record ElementSelection(Filter filter, String lowerSub) {
        /** {@code attributes}: the selected element shows its selected sub-attributes besides what it showed. */
        SubAttributes addedTo(SubAttributes keep) {
            SubAttributes mine = lowerSub == null ? (name, r) -> r != Returned.NEVER
                    : (name, r) -> r == Returned.ALWAYS || (r != Returned.NEVER && name.equals(lowerSub));
            return keep == null ? mine : (name, r) -> keep.keeps(name, r) || mine.keeps(name, r);
        }

        /** {@code excludedAttributes}: the selected element goes, or loses the named sub-attribute. */
        SubAttributes removedFrom(SubAttributes keep) {
            if (keep == null || lowerSub == null) {
                return null;
            }
            return (name, r) -> keep.keeps(name, r) && (r == Returned.ALWAYS || !name.equals(lowerSub));
        }
    }

    private final ResourceType type;
    private final Mode mode;
    private final Set<Slot> namedWhole = new HashSet<>();
    private final Map<Slot, Set<String>> namedSubs = new HashMap<>();
    private final Set<String> namedSchemas = new HashSet<>();
    private final Map<Slot, List<ElementSelection>> namedElements = new HashMap<>();

    private AttributeProjection(ResourceType type, Mode mode, String names) {
        this.type = type;
        this.mode = mode;
        for (String item : items(names)) {
            name(item.trim());
        }
    }

    /** The comma-separated names; a comma inside a value filter (in a quoted value) does not separate. */
    private static List<String> items(String names) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(names.substring(start, i));
                start = i + 1;
            }
        }
        out.add(names.substring(start));
        return out;
    }

    /** Only what the schema returns by default: no {@code returned: never} or {@code request} attributes. */
    public static AttributeProjection defaults(ResourceType type) {
        return DEFAULTS.get(type);
    }

    /** Made once: nearly every answer uses the defaults, and a projection is never changed once made. */
    private static final Map<ResourceType, AttributeProjection> DEFAULTS = defaultsOfEachType();

    private static Map<ResourceType, AttributeProjection> defaultsOfEachType() {
        Map<ResourceType, AttributeProjection> all = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            all.put(type, new AttributeProjection(type, Mode.DEFAULT, ""));
        }
        return all;
    }

    /**
     * From the raw query parameters, either of which may be null or blank. When a client sends both,
     * {@code attributes} wins: it is the exact list the client wants, and RFC 7644 defines no combination.
     */
    public static AttributeProjection of(ResourceType type, String attributes, String excludedAttributes) {
        if (attributes != null && !attributes.isBlank()) {
            return new AttributeProjection(type, Mode.ONLY, attributes);
        }
        if (excludedAttributes != null && !excludedAttributes.isBlank()) {
            return new AttributeProjection(type, Mode.EXCEPT, excludedAttributes);
        }
        return defaults(type);
    }

    private void name(String item) {
        if (item.isEmpty()) {
            return;
        }
        ResourceSchema whole = schemaWithUrn(item);
        if (whole != null) {
            namedSchemas.add(lower(whole.id()));
            return;
        }
        if (item.indexOf('[') >= 0) {
            nameElements(FilterParser.parsePatchPath(item));
            return;
        }
        AttrPath path = FilterParser.parseAttrPath(item);
        ResourceType.Resolved resolved;
        try {
            resolved = type.resolve(path, false);
        } catch (ScimException unknownAttribute) {
            return; // lenient by design: an attribute this server does not know is simply not returned
        }
        Slot slot = Slot.of(resolved.schema(), resolved.attribute().name());
        if (resolved.subAttribute() == null) {
            namedWhole.add(slot);
        } else {
            namedSubs.computeIfAbsent(slot, s -> new HashSet<>()).add(lower(resolved.subAttribute().name()));
        }
    }

    /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}: only a malformed filter is refused. */
    private void nameElements(PatchPath path) {
        AttributeTarget target;
        try {
            target = AttributeTarget.of(type, path);
        } catch (ScimException unknownAttribute) {
            if (unknownAttribute.problem() == ScimProblem.VALUE_FILTER_ON_SINGLE_VALUE) {
                throw unknownAttribute;
            }
            return; // lenient by design, as for any name: what this server does not know is simply not returned
        }
        Slot slot = Slot.of(target.schema(), target.attribute().name());
        String sub = target.sub() == null ? null : lower(target.sub().name());
        namedElements.computeIfAbsent(slot, s -> new ArrayList<>()).add(new ElementSelection(target.filter(), sub));
    }

    private ResourceSchema schemaWithUrn(String urn) {
        if (type.core().id().equalsIgnoreCase(urn)) {
            return type.core();
        }
        return type.extension(urn);
    }

    /** The projected copy of {@code resource}; the input is left untouched. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode out = resource.objectNode();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            ResourceSchema extension = type.extension(key);
            JsonNode kept;
            if (key.equalsIgnoreCase(SCHEMAS)) {
                kept = value.deepCopy(); // returned: always, and it still describes the whole resource
            } else if (extension != null && value.isObject()) {
                kept = projectExtension(extension, (ObjectNode) value);
            } else {
                kept = projectTopLevel(key, value);
            }
            if (kept != null) {
                out.set(key, kept);
            }
        }
        return out;
    }

    /**
     * Whether any part of the top-level attribute {@code attributePath} (with or without URN) can appear
     * in the result, so a caller can skip loading what is not returned, such as a group's members under
     * {@code excludedAttributes=members}.
     */
    public boolean mayReturn(String attributePath) {
        AttrPath path = FilterParser.parseAttrPath(attributePath);
        try {
            ResourceType.Resolved r = type.resolve(path.withoutSub(), false);
            Slot slot = Slot.of(r.schema(), r.attribute().name());
            return subAttributesKept(slot, r.attribute().returned()) != null
                    || (mode == Mode.ONLY && namedElements.containsKey(slot));
        } catch (ScimException unknownAttribute) {
            return subAttributesKept(Slot.of(type.core(), path.name()), Returned.DEFAULT) != null;
        }
    }

    private JsonNode projectTopLevel(String key, JsonNode value) {
        AttributeDef def = type.core().attribute(key);
        if (def != null) {
            return project(Slot.of(type.core(), def.name()), def, value);
        }
        for (AttributeDef common : Schemas.COMMON) {
            if (common.name().equalsIgnoreCase(key)) {
                return project(Slot.of(null, common.name()), common, value);
            }
        }
        return project(Slot.of(type.core(), key), null, value);
    }

    private JsonNode projectExtension(ResourceSchema extension, ObjectNode value) {
        ObjectNode out = value.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDef def = extension.attribute(field.getKey());
            JsonNode kept = project(Slot.of(extension, field.getKey()), def, field.getValue());
            if (kept != null) {
                out.set(field.getKey(), kept);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** An attribute without a definition (not in the schema) is treated as {@code returned: default}. */
    private JsonNode project(Slot slot, AttributeDef def, JsonNode value) {
        List<ElementSelection> selections = namedElements.get(slot);
        if (selections != null && def != null && def.returned() != Returned.NEVER && value instanceof ArrayNode list) {
            return projectElements(slot, def, list, selections);
        }
        SubAttributes subs = subAttributesKept(slot, def == null ? Returned.DEFAULT : def.returned());
        if (subs == null) {
            return null;
        }
        return def != null && def.isComplex() ? keepSubAttributes(def, value, subs) : value.deepCopy();
    }

    /** The RFC rules in one place: null when the attribute is not returned at all. */
    private SubAttributes subAttributesKept(Slot slot, Returned returned) {
        if (returned == Returned.NEVER) {
            return null;
        }
        boolean named = namedWhole.contains(slot) || namedSchemas.contains(slot.schema());
        Set<String> subs = namedSubs.getOrDefault(slot, Set.of());
        switch (mode) {
            case ONLY:
                if (named) {
                    return (name, r) -> r != Returned.NEVER;
                }
                if (!subs.isEmpty()) {
                    return (name, r) -> r == Returned.ALWAYS || (r != Returned.NEVER && subs.contains(name));
                }
                return returned == Returned.ALWAYS ? DEFAULT_SUBS : null;
            case EXCEPT:
                if (returned == Returned.ALWAYS) {
                    return DEFAULT_SUBS;
                }
                if (named || returned == Returned.REQUEST) {
                    return null;
                }
                return (name, r) -> DEFAULT_SUBS.keeps(name, r) && (r == Returned.ALWAYS || !subs.contains(name));
            default:
                return returned == Returned.REQUEST ? null : DEFAULT_SUBS;
        }
    }

    /** Each element as the RFC rules keep it, widened or narrowed by the value filters that select it. */
    private JsonNode projectElements(Slot slot, AttributeDef def, ArrayNode list, List<ElementSelection> selections) {
        SubAttributes base = subAttributesKept(slot, def.returned());
        ArrayNode out = list.arrayNode();
        for (JsonNode element : list) {
            SubAttributes keep = base;
            for (ElementSelection selection : selections) {
                if (ElementFilter.matches(def, selection.filter(), element)) {
                    keep = mode == Mode.EXCEPT ? selection.removedFrom(keep) : selection.addedTo(keep);
                }
            }
            JsonNode kept = keep == null ? null : keepSubAttributes(def, element, keep);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Filters a complex value or each element of a multi-valued one; what ends up empty is dropped. */
    private static JsonNode keepSubAttributes(AttributeDef def, JsonNode value, SubAttributes subs) {
        if (value.isArray()) {
            ArrayNode out = ((ArrayNode) value).arrayNode();
            for (JsonNode element : value) {
                JsonNode kept = keepSubAttributes(def, element, subs);
                if (kept != null) {
                    out.add(kept);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (!value.isObject()) {
            return value.deepCopy();
        }
        ObjectNode out = ((ObjectNode) value).objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDef sub = def.sub(field.getKey());
            if (subs.keeps(lower(field.getKey()), sub == null ? Returned.DEFAULT : sub.returned())) {
                out.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
