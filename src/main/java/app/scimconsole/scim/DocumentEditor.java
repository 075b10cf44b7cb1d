package app.scimconsole.scim;

import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies PATCH operations, in order, to one document it owns (RFC 7644 §3.5.2), then {@link #finish}es
 * it into the stored form. Later operations see the effects of earlier ones, so a second
 * {@code addresses[type eq "work"].locality} finds the element the first one created.
 *
 * <p>Entra tolerances owned here because they depend on the document: a filtered add/replace that
 * matches nothing creates the element from the filter's {@code eq} parts; one that matches several is
 * {@code noTarget}; a filtered remove that matches nothing is a no-op (RFC says {@code noTarget}, but
 * Entra would retry forever for a state that already holds).
 */
final class DocumentEditor {
    private final ResourceType type;
    private final ObjectNode doc;
    private final List<MemberChange> memberChanges = new ArrayList<>();

    DocumentEditor(ResourceType type, ObjectNode doc) {
        this.type = type;
        this.doc = doc;
    }

    List<MemberChange> memberChanges() {
        return memberChanges;
    }

    void apply(PatchOperation op) {
        if (op.path() != null) {
            applyTo(AttributeTarget.of(type, op.path()), op.kind(), op.value());
        } else if (op.kind() == Kind.REMOVE) {
            throw new ScimException(ScimProblem.REMOVE_WITHOUT_PATH);
        } else {
            applyEach(op.kind(), op.value(), null);
        }
    }

    /**
     * A path-less add/replace: every key of the value object is itself a path, so RFC nested objects,
     * Entra's dotted keys ({@code name.givenName}) and URN-qualified keys all work the same way.
     */
    private void applyEach(Kind kind, JsonNode value, ResourceSchema within) {
        if (value == null || !value.isObject()) {
            throw new ScimException(ScimProblem.VALUE_NOT_AN_OBJECT, kind.wire());
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            if (within == null) {
                if (key.equalsIgnoreCase("schemas")) {
                    continue; // the server owns it
                }
                ResourceSchema schema = schemaNamed(type, key);
                if (schema != null) {
                    applySchemaObject(kind, schema, e.getValue());
                    continue;
                }
            }
            String path = within == null ? key : within.id() + ":" + key;
            applyTo(PathTargets.of(type, path), kind, e.getValue());
        }
    }

    private void applySchemaObject(Kind kind, ResourceSchema schema, JsonNode value) {
        if (JsonFields.isClear(value)) {
            if (schema != type.core()) {
                doc.remove(schema.id());
            }
            return;
        }
        if (!value.isObject()) {
            throw new ScimException(ScimProblem.EXTENSION_NOT_AN_OBJECT, schema.id());
        }
        applyEach(kind, value, schema);
    }

    /** The core schema or an extension of {@code type} whose URN is {@code key} in any case; else null. */
    static ResourceSchema schemaNamed(ResourceType type, String key) {
        return type.core().id().equalsIgnoreCase(key) ? type.core() : type.extension(key);
    }

    private void applyTo(AttributeTarget target, Kind kind, JsonNode value) {
        if (target.isWriteOnly()) {
            return;
        }
        target.requireWritable();
        if (target.attribute() == Schemas.GROUP.attribute("members")) {
            memberChanges.addAll(MemberOps.changes(kind, target, value));
            return;
        }
        ObjectNode container = target.container(doc, kind != Kind.REMOVE);
        if (container == null) {
            return;
        }
        String key = target.attribute().name();
        Set<JsonNode> primaryBefore = primaries(container.get(key));
        if (target.filter() != null) {
            applyFiltered(container, target, kind, value);
        } else if (target.sub() != null) {
            applySub(container, target, kind, value);
        } else {
            applyWhole(container, target.attribute(), kind, value);
        }
        keepOnePrimary(target.attribute(), container.get(key), primaryBefore);
    }

    /** add on a single value replaces it; add on a list appends what is not there yet; replace swaps all. */
    private void applyWhole(ObjectNode container, AttributeDef def, Kind kind, JsonNode value) {
        String key = def.name();
        if (kind == Kind.REMOVE || JsonFields.isClear(value)) {
            container.remove(key);
            return;
        }
        if (def.isComplex() && !def.multiValued()) {
            mergeSubAttributes(container, def, value);
            return;
        }
        JsonNode coerced = ValueCoercer.coerce(def, value);
        if (!def.multiValued() || kind == Kind.REPLACE) {
            setOrRemove(container, key, coerced);
            return;
        }
        if (coerced == null) {
            return;
        }
        ArrayNode list = arrayAt(container, key);
        for (JsonNode element : coerced) {
            if (!contains(list, element)) {
                list.add(element);
            }
        }
    }

    /**
     * RFC 7644 §3.5.2.1/3: a complex value sets the sub-attributes it names and leaves the others; a
     * sub-attribute given as null or "" is removed.
     */
    private void mergeSubAttributes(ObjectNode container, AttributeDef def, JsonNode value) {
        JsonNode coerced = ValueCoercer.coerce(def, value);
        JsonNode shaped = EntraDialect.value(def, value);
        if (!shaped.isObject()) {
            setOrRemove(container, def.name(), coerced);
            return;
        }
        ObjectNode target = objectAt(container, def.name());
        for (Map.Entry<String, JsonNode> e : shaped.properties()) {
            AttributeDef sub = def.sub(e.getKey());
            if (sub != null && JsonFields.isClear(e.getValue())) {
                target.remove(sub.name());
            }
        }
        if (coerced != null) {
            target.setAll((ObjectNode) coerced);
        }
    }

    /** {@code name.givenName}, or {@code emails.display} which addresses that sub-attribute of every element. */
    private void applySub(ObjectNode container, AttributeTarget target, Kind kind, JsonNode value) {
        AttributeDef def = target.attribute();
        String sub = target.sub().name();
        JsonNode coerced = kind == Kind.REMOVE ? null : ValueCoercer.coerce(target.sub(), value);
        JsonNode current = container.get(def.name());
        if (!def.multiValued()) {
            if (coerced != null) {
                objectAt(container, def.name()).set(sub, coerced);
            } else if (current instanceof ObjectNode o) {
                o.remove(sub);
            }
            return;
        }
        if (coerced != null && (current == null || current.isEmpty())) {
            throw new ScimException(ScimProblem.NO_VALUES_FOR_SUB_ATTRIBUTE, def.name(), sub);
        }
        if (current instanceof ArrayNode list) {
            for (JsonNode element : list) {
                if (element instanceof ObjectNode o) {
                    setOrRemove(o, sub, coerced);
                }
            }
        }
    }

    private void applyFiltered(ObjectNode container, AttributeTarget target, Kind kind, JsonNode value) {
        AttributeDef def = target.attribute();
        AttributeDef sub = target.sub();
        JsonNode existing = container.get(def.name());
        ArrayNode list = existing instanceof ArrayNode a ? a : null;
        List<ObjectNode> matches = new ArrayList<>();
        if (list != null) {
            for (JsonNode element : list) {
                if (element instanceof ObjectNode o && ElementFilter.matches(def, target.filter(), o)) {
                    matches.add(o);
                }
            }
        }
        JsonNode coerced = kind == Kind.REMOVE ? null
                : sub == null ? ValueCoercer.coerceElement(def, value) : ValueCoercer.coerce(sub, value);
        if (coerced == null) {
            if (sub == null) {
                removeElements(list, matches);
            } else {
                matches.forEach(m -> m.remove(sub.name()));
            }
            return;
        }
        if (matches.size() > 1) {
            throw new ScimException(ScimProblem.VALUE_FILTER_MATCHES_MANY, pathText(target), matches.size(), kind.wire());
        }
        boolean creating = matches.isEmpty();
        if (creating) {
            ObjectNode created = ElementFilter.template(def, target.filter());
            if (created == null) {
                throw new ScimException(ScimProblem.VALUE_FILTER_MATCHES_NONE, pathText(target));
            }
            arrayAt(container, def.name()).add(created);
            matches.add(created);
        }
        ObjectNode element = matches.get(0);
        if (sub != null) {
            element.set(sub.name(), coerced);
        } else if (kind == Kind.REPLACE && !creating) {
            // The filter's eq parts stay, so the same replace finds the same element again.
            ObjectNode replacement = ElementFilter.template(def, target.filter());
            replacement = replacement == null ? (ObjectNode) coerced : replacement.setAll((ObjectNode) coerced);
            list.set(identityIndex(list, element), replacement);
        } else {
            element.setAll((ObjectNode) coerced);
        }
    }

    /**
     * RFC 7644 §3.5.2: when an operation makes one value primary, the others stop being primary. Two new
     * primaries at once are a client error.
     */
    private static void keepOnePrimary(AttributeDef def, JsonNode current, Set<JsonNode> primaryBefore) {
        if (!(current instanceof ArrayNode list)) {
            return;
        }
        List<JsonNode> newly = new ArrayList<>();
        for (JsonNode element : list) {
            if (StoredForm.isPrimary(element) && !primaryBefore.contains(element)) {
                newly.add(element);
            }
        }
        if (newly.size() > 1) {
            throw new ScimException(ScimProblem.PRIMARY_SET_TWICE, def.name());
        }
        if (newly.size() == 1) {
            for (JsonNode element : list) {
                if (StoredForm.isPrimary(element) && element != newly.get(0)) {
                    ((ObjectNode) element).put("primary", false);
                }
            }
        }
    }

    private static Set<JsonNode> primaries(JsonNode current) {
        Set<JsonNode> found = Collections.newSetFromMap(new IdentityHashMap<>());
        if (current instanceof ArrayNode list) {
            for (JsonNode element : list) {
                if (StoredForm.isPrimary(element)) {
                    found.add(element);
                }
            }
        }
        return found;
    }


    /** Drops what became empty, rebuilds {@code schemas} and checks the whole resource. */
    void finish() {
        StoredForm.tidy(type, doc);
        StoredForm.validate(type, doc);
    }

    private static String pathText(AttributeTarget target) {
        String filtered = target.attribute().name() + "[" + FilterPrinter.print(target.filter()) + "]";
        return target.sub() == null ? filtered : filtered + "." + target.sub().name();
    }

    private static void setOrRemove(ObjectNode container, String key, JsonNode valueOrNull) {
        if (valueOrNull == null) {
            container.remove(key);
        } else {
            container.set(key, valueOrNull);
        }
    }

    private static ObjectNode objectAt(ObjectNode container, String key) {
        JsonNode v = container.get(key);
        return v instanceof ObjectNode o ? o : container.putObject(key);
    }

    private static ArrayNode arrayAt(ObjectNode container, String key) {
        JsonNode v = container.get(key);
        return v instanceof ArrayNode a ? a : container.putArray(key);
    }

    private static boolean contains(ArrayNode list, JsonNode element) {
        for (JsonNode e : list) {
            if (e.equals(element)) {
                return true;
            }
        }
        return false;
    }

    private static int identityIndex(ArrayNode list, JsonNode element) {
        int i = 0;
        while (list.get(i) != element) {
            i++;
        }
        return i;
    }

    private static void removeElements(ArrayNode list, List<ObjectNode> doomed) {
        if (list == null) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode element = list.get(i);
            if (doomed.stream().anyMatch(d -> d == element)) {
                list.remove(i);
            }
        }
    }
}
