package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.Property;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tree said to keep its types comes back from its JSON text as the very same nodes; one that does not, does not. */
class JsonRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aTreeThatKeepsItsTypesReadsBackEqualAndPrintsTheSame() {
        Property.forAll(5000, r -> tree(r, 3), tree -> {
            JsonNode back = readBack(tree);
            if (JsonRoundTrip.keepsTypes(tree)) {
                assertThat(back).isEqualTo(tree);
                assertThat(back.toString()).isEqualTo(tree.toString());
            }
            assertThat(JsonRoundTrip.keepsTypes(back)).as("text read back always keeps its types").isTrue();
        });
    }

    @Test
    void nodesThatTextWouldReadOtherwiseAreNamed() {
        for (JsonNode odd : new JsonNode[] {NODES.numberNode(new BigDecimal("1.50")), NODES.numberNode(7L),
                NODES.numberNode((short) 2), NODES.numberNode(1.5f), NODES.numberNode(BigInteger.TEN),
                NODES.binaryNode(new byte[] {1}), NODES.pojoNode(new Object())}) {
            ObjectNode doc = NODES.objectNode().put("userName", "a@x.com");
            doc.putArray("emails").addObject().set("value", odd);
            assertThat(JsonRoundTrip.keepsTypes(doc)).as(odd.getClass().getSimpleName()).isFalse();
        }
        assertThat(JsonRoundTrip.keepsTypes(NODES.numberNode(Long.MAX_VALUE))).isTrue();
        assertThat(JsonRoundTrip.keepsTypes(NODES.numberNode(BigInteger.TEN.pow(30)))).isTrue();
    }

    private static JsonNode readBack(JsonNode tree) {
        try {
            return JSON.readTree(JSON.writeValueAsString(tree));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random tree of objects, arrays and scalars, numbers of every kind Jackson has among them. */
    private static JsonNode tree(Random r, int depth) {
        int kind = r.nextInt(depth > 0 ? 14 : 12);
        return switch (kind) {
            case 0 -> NODES.textNode(Long.toString(r.nextLong(), 36));
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.nullNode();
            case 3 -> NODES.numberNode(r.nextInt());
            case 4 -> NODES.numberNode(r.nextBoolean() ? (long) r.nextInt() : r.nextLong());
            case 5 -> NODES.numberNode(BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(r.nextInt(3) + 1L)
                    .pow(r.nextInt(40))));
            case 6 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 7 -> NODES.numberNode((double) r.nextInt(1000));
            case 8 -> NODES.numberNode(r.nextFloat());
            case 9 -> NODES.numberNode(BigDecimal.valueOf(r.nextInt(10000), r.nextInt(4)));
            case 10 -> NODES.numberNode((short) r.nextInt(100));
            case 11 -> NODES.textNode("");
            case 12 -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    o.set("k" + r.nextInt(10), tree(r, depth - 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(tree(r, depth - 1));
                }
                yield a;
            }
        };
    }
}
