package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/** The one JSON mapper of the process, with limits that keep hostile bodies cheap to refuse. */
public final class Json {
    /** Deeper nesting than any SCIM resource needs; beyond it a body is refused as invalid syntax. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("(?s)Unrecognized token '.*': was expecting");

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(1 << 20)
                .maxNumberLength(100)
                .build());
    }

    private Json() {
    }

    /** Parses a request body; anything that is not one JSON value is a 400 invalidSyntax with a plain reason. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ScimException(ScimProblem.BODY_EMPTY);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String why = withoutEchoedInput(e.getOriginalMessage());
            if (why != null && why.length() > 200) {
                why = why.substring(0, 200) + "...";
            }
            throw e.getLocation() == null ? new ScimException(ScimProblem.BODY_NOT_JSON_UNLOCATED, why)
                    : new ScimException(ScimProblem.BODY_NOT_JSON, e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr(), why);
        } catch (java.io.IOException e) {
            throw new ScimException(ScimProblem.BODY_UNREADABLE);
        }
    }

    /**
     * Jackson quotes the offending word of an unparseable body ("Unrecognized token 'xyz'"); that word may be a
     * secret a client pasted in the wrong place, and the detail is also written to the activity log, so it is
     * left out.
     */
    private static String withoutEchoedInput(String message) {
        return message == null ? null
                : UNRECOGNIZED_TOKEN.matcher(message).replaceFirst("Unrecognized word (not a JSON value): was expecting");
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
