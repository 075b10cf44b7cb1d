package app.scimconsole.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * Whether a document, written as JSON text and read back, would come back as the very same nodes: then the document
 * just stored can stand for the row read back. Text read back holds only objects, arrays, strings, booleans, nulls
 * and numbers of the smallest kind that holds them (int, then long, then big integer; a fraction or an exponent as a
 * double); a tree built otherwise (a PATCH's new element made from a filter's decimal, a long that fits an int) would
 * compare or print differently after the round trip.
 */
final class JsonRoundTrip {
    private JsonRoundTrip() {
    }

    static boolean keepsTypes(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, ARRAY -> {
                for (JsonNode child : node) {
                    if (!keepsTypes(child)) {
                        yield false;
                    }
                }
                yield true;
            }
            case STRING, BOOLEAN, NULL -> true;
            case NUMBER -> keepsNumberType(node);
            default -> false; // binary, POJO, missing: never read from text
        };
    }

    private static boolean keepsNumberType(JsonNode n) {
        if (n.isInt()) {
            return true;
        }
        if (n instanceof LongNode) {
            return !n.canConvertToInt();
        }
        if (n instanceof BigIntegerNode) {
            return !n.canConvertToLong();
        }
        // a double read back as itself: Jackson writes the shortest text that parses to the same double
        return n.isDouble() && Double.isFinite(n.doubleValue());
    }
}
