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
import java.util.Random;
import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Differential test (SQLite here, PostgreSQL in {@link FilterSqlDifferentialPostgresTest}): generated users go into SQLite, generated filters are run there and by a plain Java
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
    static SqlDirectory directory;

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("filter-differential");
        directory = SqliteDirectory.open(dir);
    }

    @AfterAll
    static void close() throws IOException {
        directory.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void sqlSelectsExactlyWhatTheReferenceSelects() {
        Property.forAll(150, r -> new Case(users(r), Gen.listOf(r, 7, x -> filter(x, 3))), c -> {
            String tenant = directory.createTenant().id();
            List<StoredResource> stored = new ArrayList<>();
            for (ObjectNode doc : c.users()) {
                stored.add(directory.create(tenant, ResourceType.USER, doc, List.of()));
            }
            for (Filter filter : c.filters()) {
                Page page = directory.query(tenant, ResourceType.USER, new Query(filter, null, false, 1, 100, false));
                Set<String> bySql = new HashSet<>();
                page.resources().forEach(r -> bySql.add(r.id()));
                Set<String> byReference = new HashSet<>();
                stored.stream().filter(r -> Reference.matches(filter, r.doc())).forEach(r -> byReference.add(r.id()));
                assertThat(bySql).as(FilterPrinter.print(filter)).isEqualTo(byReference);
            }
        });
    }

    private record Case(List<ObjectNode> users, List<Filter> filters) {
    }

    // ---- generators ----------------------------------------------------------------------------

    private static String text(Random r) {
        return Gen.string(r, CHARS, 3);
    }

    /** One to six users; userName is unique ignoring case, so a numbered suffix keeps generated ones apart. */
    private static List<ObjectNode> users(Random r) {
        int n = 1 + r.nextInt(6);
        List<ObjectNode> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode doc = Docs.MAPPER.createObjectNode().put("userName", text(r) + "#" + i);
            for (String attr : List.of("displayName", "title", "externalId")) {
                if (r.nextDouble() < 0.7) {
                    doc.put(attr, text(r));
                }
            }
            if (r.nextDouble() < 0.7) {
                doc.put("active", r.nextBoolean());
            }
            List<ObjectNode> mails = Gen.listOf(r, 3, x -> Docs.MAPPER.createObjectNode()
                    .put("type", Gen.oneOf(x, "work", "home", "WORK")).put("value", text(x)));
            if (!mails.isEmpty()) {
                doc.set("emails", Docs.MAPPER.createArrayNode().addAll(mails));
            }
            list.add(doc);
        }
        return list;
    }

    private static Filter filter(Random r, int depth) {
        if (depth == 0) {
            return leaf(r);
        }
        return Gen.weighted(r, new int[] {3, 1, 1, 1},
                () -> leaf(r),
                () -> new Filter.And(filter(r, depth - 1), filter(r, depth - 1)),
                () -> new Filter.Or(filter(r, depth - 1), filter(r, depth - 1)),
                () -> new Filter.Not(filter(r, depth - 1)));
    }

    private static Filter leaf(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new Filter.Compare(AttrPath.of(Gen.oneOf(r, TEXT_ATTRIBUTES)), Gen.oneOf(r, STRING_OPS),
                    new Literal.Str(text(r)));
            case 1 -> new Filter.Present(AttrPath.of(Gen.oneOf(r, TEXT_ATTRIBUTES)));
            case 2 -> new Filter.Compare(AttrPath.of("active"), Gen.oneOf(r, CompareOp.EQ, CompareOp.NE),
                    new Literal.Bool(r.nextBoolean()));
            case 3 -> new Filter.Compare(AttrPath.of("emails", Gen.oneOf(r, "value", "type")), Gen.oneOf(r, STRING_OPS),
                    new Literal.Str(text(r)));
            case 4 -> Gen.oneOf(r, new Filter.Present(AttrPath.of("emails")), new Filter.Present(AttrPath.of("emails", "value")));
            default -> new Filter.ValuePath(AttrPath.of("emails"), new Filter.And(
                    new Filter.Compare(AttrPath.of("type"), CompareOp.EQ, new Literal.Str(Gen.oneOf(r, "work", "home"))),
                    new Filter.Compare(AttrPath.of("value"), Gen.oneOf(r, STRING_OPS), new Literal.Str(text(r)))));
        };
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
