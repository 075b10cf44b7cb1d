package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.FilterPrinter;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Differential test: generated users go into SQLite, generated filters are run there and by a plain Java
 * reference evaluator, and both must select the same users. The alphabet is chosen to hit LIKE
 * wildcards, the escape character, ASCII and non-ASCII case, and empty strings; the grammar to hit
 * NULL handling under not/ne and same-element value paths.
 */
class FilterSqlDifferentialTest {
    private static final String CHARS = "aAäÄ%_\\";
    private static final List<String> TEXT_ATTRIBUTES = List.of("userName", "displayName", "title", "externalId");
    private static final List<CompareOp> STRING_OPS =
            List.of(CompareOp.EQ, CompareOp.NE, CompareOp.CO, CompareOp.SW, CompareOp.EW);

    private static Path dir;
    private static SqliteDirectory directory;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("filter-differential");
        directory = SqliteDirectory.open(dir);
    }

    @AfterContainer
    static void close() throws IOException {
        directory.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 150)
    void sqlSelectsExactlyWhatTheReferenceSelects(@ForAll("users") List<ObjectNode> users,
            @ForAll("filters") List<Filter> filters) {
        String tenant = directory.createTenant().id();
        List<StoredResource> stored = new ArrayList<>();
        for (ObjectNode doc : users) {
            stored.add(directory.create(tenant, ResourceType.USER, doc, List.of()));
        }
        for (Filter filter : filters) {
            Page page = directory.query(tenant, ResourceType.USER, new Query(filter, null, false, 1, 100, false));
            Set<String> bySql = new HashSet<>();
            page.resources().forEach(r -> bySql.add(r.id()));
            Set<String> byReference = new HashSet<>();
            stored.stream().filter(r -> Reference.matches(filter, r.doc())).forEach(r -> byReference.add(r.id()));
            assertThat(bySql).as(FilterPrinter.print(filter)).isEqualTo(byReference);
        }
    }

    // ---- generators ----------------------------------------------------------------------------

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(CHARS).ofMaxLength(3);
    }

    @Provide
    Arbitrary<List<ObjectNode>> users() {
        Arbitrary<Optional<String>> optionalText = text().optional(0.7);
        Arbitrary<Optional<Boolean>> active = Arbitraries.of(true, false).optional(0.7);
        Arbitrary<ArrayNode> emails = Combinators.combine(Arbitraries.of("work", "home", "WORK"), text())
                .as((type, value) -> Docs.MAPPER.createObjectNode().put("type", type).put("value", value))
                .list().ofMaxSize(3)
                .map(list -> Docs.MAPPER.createArrayNode().addAll(list));
        Arbitrary<ObjectNode> user = Combinators.combine(text(), optionalText, optionalText, optionalText, active,
                emails).as((userName, displayName, title, externalId, isActive, mails) -> {
                    ObjectNode doc = Docs.MAPPER.createObjectNode().put("userName", userName);
                    displayName.ifPresent(v -> doc.put("displayName", v));
                    title.ifPresent(v -> doc.put("title", v));
                    externalId.ifPresent(v -> doc.put("externalId", v));
                    isActive.ifPresent(v -> doc.put("active", v));
                    if (!mails.isEmpty()) {
                        doc.set("emails", mails);
                    }
                    return doc;
                });
        // userName is unique ignoring case: a numbered suffix keeps generated ones apart
        return user.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            for (int i = 0; i < list.size(); i++) {
                list.get(i).put("userName", list.get(i).get("userName").asText() + "#" + i);
            }
            return list;
        });
    }

    @Provide
    Arbitrary<List<Filter>> filters() {
        return filter(3).list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<Filter> filter(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf()),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Filter.And::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Filter.Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Filter.Not::new)));
    }

    private static Arbitrary<Filter> leaf() {
        Arbitrary<Filter> textCompare = Combinators.combine(
                Arbitraries.of(TEXT_ATTRIBUTES), Arbitraries.of(STRING_OPS), text())
                .as((attr, op, value) -> new Filter.Compare(AttrPath.of(attr), op, new Literal.Str(value)));
        Arbitrary<Filter> textPresent = Arbitraries.of(TEXT_ATTRIBUTES).map(a -> new Filter.Present(AttrPath.of(a)));
        Arbitrary<Filter> active = Combinators.combine(Arbitraries.of(CompareOp.EQ, CompareOp.NE),
                Arbitraries.of(true, false)).as((op, b) -> new Filter.Compare(AttrPath.of("active"), op,
                new Literal.Bool(b)));
        Arbitrary<Filter> emailValue = Combinators.combine(Arbitraries.of("value", "type"), Arbitraries.of(STRING_OPS),
                text()).as((sub, op, v) -> new Filter.Compare(AttrPath.of("emails", sub), op, new Literal.Str(v)));
        Arbitrary<Filter> emailsPresent = Arbitraries.of(
                new Filter.Present(AttrPath.of("emails")), new Filter.Present(AttrPath.of("emails", "value")));
        Arbitrary<Filter> sameEmail = Combinators.combine(Arbitraries.of("work", "home"), Arbitraries.of(STRING_OPS),
                text()).as((type, op, v) -> new Filter.ValuePath(AttrPath.of("emails"), new Filter.And(
                new Filter.Compare(AttrPath.of("type"), CompareOp.EQ, new Literal.Str(type)),
                new Filter.Compare(AttrPath.of("value"), op, new Literal.Str(v)))));
        return Arbitraries.oneOf(textCompare, textPresent, active, emailValue, emailsPresent, sameEmail);
    }

    // ---- the reference: RFC semantics written the obvious way -----------------------------------

    /** Evaluates a filter on one user document, in memory. */
    static final class Reference {
        private Reference() {
        }

        static boolean matches(Filter f, JsonNode doc) {
            if (f instanceof Filter.And and) {
                return matches(and.left(), doc) && matches(and.right(), doc);
            }
            if (f instanceof Filter.Or or) {
                return matches(or.left(), doc) || matches(or.right(), doc);
            }
            if (f instanceof Filter.Not not) {
                return !matches(not.inner(), doc);
            }
            if (f instanceof Filter.ValuePath vp) {
                return elements(doc, vp.attr().name()).stream().anyMatch(e -> matches(vp.inner(), e));
            }
            AttrPath path = f instanceof Filter.Compare c ? c.path() : ((Filter.Present) f).path();
            if (path.sub() != null) {
                // a leaf on a multi-valued attribute: any element
                Filter onElement = f instanceof Filter.Compare c
                        ? new Filter.Compare(AttrPath.of(path.sub()), c.op(), c.value())
                        : new Filter.Present(AttrPath.of(path.sub()));
                if (f instanceof Filter.Compare c && c.op() == CompareOp.NE) {
                    return !matches(new Filter.Compare(path, CompareOp.EQ, c.value()), doc);
                }
                return elements(doc, path.name()).stream().anyMatch(e -> matches(onElement, e));
            }
            if (path.name().equals("emails")) {
                return !elements(doc, "emails").isEmpty();
            }
            if (path.name().equals("active")) {
                // the directory treats an absent active as true
                boolean active = !doc.has("active") || doc.get("active").asBoolean();
                Filter.Compare c = (Filter.Compare) f;
                boolean eq = active == ((Literal.Bool) c.value()).value();
                return c.op() == CompareOp.EQ ? eq : !eq;
            }
            JsonNode value = doc.get(path.name());
            String text = value == null || !value.isTextual() ? null : value.textValue();
            if (f instanceof Filter.Present) {
                return text != null && !text.isEmpty();
            }
            Filter.Compare c = (Filter.Compare) f;
            if (c.op() == CompareOp.NE) {
                return !matches(new Filter.Compare(path, CompareOp.EQ, c.value()), doc);
            }
            if (text == null) {
                return false;
            }
            boolean caseExact = path.name().equals("externalId");
            String actual = caseExact ? text : text.toLowerCase(Locale.ROOT);
            String wanted = ((Literal.Str) c.value()).value();
            wanted = caseExact ? wanted : wanted.toLowerCase(Locale.ROOT);
            return switch (c.op()) {
                case EQ -> actual.equals(wanted);
                case CO -> actual.contains(wanted);
                case SW -> actual.startsWith(wanted);
                case EW -> actual.endsWith(wanted);
                default -> throw new IllegalArgumentException(c.op().toString());
            };
        }

        private static List<JsonNode> elements(JsonNode doc, String attr) {
            List<JsonNode> out = new ArrayList<>();
            doc.path(attr).forEach(out::add);
            return out;
        }
    }
}
