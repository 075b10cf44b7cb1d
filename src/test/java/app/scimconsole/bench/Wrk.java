package app.scimconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C load driver {@code wrk} (Debian package {@code wrk}) with {@code entra.lua}: Entra-shaped creates, lookups and
 * PATCHes at a fixed concurrency for a fixed time. One connection per client, keep-alive, as Entra's workers.
 */
final class Wrk {
    record Result(int requests, double seconds, int errors, double p50Ms, double p99Ms) {
        double rps() {
            return requests / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;
    private final Path createTemplate;
    private final Path patchBodies;
    private int runs;

    private Wrk(Path dir) throws IOException {
        script = dir.resolve("entra.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("entra.lua")) {
            Files.write(script, in.readAllBytes());
        }
        createTemplate = Files.writeString(dir.resolve("create.json"), EntraShapes.createBody("@@USER@@", "@@EXT@@"));
        patchBodies = Files.write(dir.resolve("patches.txt"),
                List.of(EntraShapes.patchBody("Title A", false), EntraShapes.patchBody("Title B", true)));
    }

    /** Fails at once, with what to install, when wrk is missing. */
    static Wrk in(Path dir) throws Exception {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed (Debian/Ubuntu: apt-get install wrk)", e);
        }
        return new Wrk(dir);
    }

    Result creates(String usersUrl, String token, int concurrency, int seconds) throws Exception {
        return run(usersUrl, concurrency, seconds, "create", token, createTemplate.toString());
    }

    Result lookups(String usersUrl, String token, int concurrency, int seconds, Path filters) throws Exception {
        return run(usersUrl, concurrency, seconds, "lookup", token, filters.toString());
    }

    Result patches(String usersUrl, String token, int concurrency, int seconds, Path ids) throws Exception {
        return run(usersUrl, concurrency, seconds, "patch", token, ids.toString(), patchBodies.toString());
    }

    private Result run(String url, int concurrency, int seconds, String mode, String token, String... files) throws Exception {
        // at most one wrk thread a core: more only share the same two cores with the servers measured
        int threads = Math.min(concurrency, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + concurrency, "-d" + seconds + "s",
                "--timeout", "30s", "-s", script.toString(), url, "--", mode, token, "r" + ProcessHandle.current().pid()
                        + "x" + (++runs)));
        command.addAll(List.of(files));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String line = out.lines().filter(l -> l.startsWith("WRK-RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk gave no result:\n" + out));
        JsonNode r = JSON.readTree(line.substring("WRK-RESULT ".length()));
        return new Result(r.path("requests").asInt(), r.path("duration_us").asLong() / 1e6,
                r.path("non2xx").asInt() + r.path("socket_errors").asInt(), r.path("p50_us").asLong() / 1e3,
                r.path("p99_us").asLong() / 1e3);
    }
}
