package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.scim.MemberChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every vector under {@code patch/{rfc,entra}/*.json}. Each file is a list of
 * {@code {name, type, before, request, after | error:{status, scimType}, changed?, memberChanges?}}.
 */
class PatchVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> vectors() throws IOException, URISyntaxException {
        Path root = Path.of(PatchVectorTest.class.getResource("patch").toURI());
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode vector : JSON.readTree(file.toFile())) {
                    String label = root.relativize(file) + ": " + vector.get("name").asText();
                    all.add(Arguments.of(label, vector));
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(90);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String label, JsonNode vector) {
        ResourceType type = ResourceType.valueOf(vector.get("type").asText());
        ObjectNode before = (ObjectNode) vector.get("before");
        ObjectNode untouched = before.deepCopy();
        JsonNode request = vector.get("request");
        PatchEngine engine = new PatchEngine();

        if (vector.has("error")) {
            assertThatThrownBy(() -> engine.apply(type, before, request))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(vector.at("/error/status").asInt());
                        assertThat(e.scimType().wire()).isEqualTo(vector.at("/error/scimType").asText());
                        assertThat(e.detail()).isNotBlank();
                    });
            assertThat(before).isEqualTo(untouched);
            return;
        }

        PatchResult result = engine.apply(type, before, request);
        assertThat(result.doc()).isEqualTo(vector.get("after"));
        assertThat(before).as("the caller's document is never modified").isEqualTo(untouched);
        if (vector.has("changed")) {
            assertThat(result.changed()).isEqualTo(vector.get("changed").asBoolean());
        } else {
            assertThat(result.changed()).isEqualTo(!vector.get("after").equals(untouched));
        }
        List<MemberChange> expected = new ArrayList<>();
        if (vector.has("memberChanges")) {
            for (JsonNode c : vector.get("memberChanges")) {
                List<String> ids = new ArrayList<>();
                c.get("ids").forEach(id -> ids.add(id.asText()));
                expected.add(new MemberChange(MemberChange.Kind.valueOf(c.get("kind").asText()), ids));
            }
        }
        assertThat(result.memberChanges()).isEqualTo(expected);
    }
}
