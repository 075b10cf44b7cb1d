package app.scimconsole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} in a JVM of its own, as an operator runs it: free ports, the given data folder, standard error
 * captured to a file. DNS goes to the discard port on loopback, so nothing leaves the machine.
 */
public final class ServeProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Only a guard against a serve that hangs before listening: a start is awaited while the process lives (a JVM
     * start on a loaded machine takes what it takes), and a process that dies ends the wait at once.
     */
    private static final long HUNG_START_MINUTES = 10;

    private final Process process;
    private final Path stderr;
    private final Path stdout;
    private final JsonNode started;

    private ServeProcess(Process process, Path stderr, Path stdout, JsonNode started) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = stdout;
        this.started = started;
    }

    /** The command line that runs {@code app.scimconsole.Main} with the test class path and extra JVM options. */
    public static List<String> java(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "app.scimconsole.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static ServeProcess start(Path data, String... extraArgs) throws IOException {
        return start(data, List.of(), Map.of(), extraArgs);
    }

    /**
     * Starts serve (on any free port unless {@code extraArgs} name one) and waits for its first line
     * ({@code {"tenantUrl":…,"adminUrl":…}}).
     */
    public static ServeProcess start(Path data, List<String> jvmOptions, Map<String, String> env, String... extraArgs)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--admin-port", "0", "--dns-server", "127.0.0.1:9",
                "--data", data.toString(), "--json"));
        if (!List.of(extraArgs).contains("--port")) {
            args.addAll(List.of("--port", "0"));
        }
        args.addAll(List.of(extraArgs));
        Path err = Files.createTempFile("serve-stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(java(jvmOptions, args.toArray(String[]::new)))
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first;
        try {
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(HUNG_START_MINUTES, TimeUnit.MINUTES);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("serve did not start: " + Files.readString(err), e);
        }
        if (first == null) {
            p.destroyForcibly();
            throw new IOException("serve ended before listening: " + Files.readString(err));
        }
        // The rest of standard output (the access log) is kept in a file: a pipe nobody reads would fill and stop serve.
        Path rest = Files.createTempFile("serve-stdout", ".txt");
        Thread copier = new Thread(() -> {
            try (var to = Files.newBufferedWriter(rest, StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    to.write(line);
                    to.newLine();
                    to.flush();
                }
            } catch (IOException e) {
                // serve ended; what it wrote is in the file
            }
        }, "serve-stdout");
        copier.setDaemon(true);
        copier.start();
        return new ServeProcess(p, err, rest, JSON.readTree(first));
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    public String tenantUrl() {
        return started.path("tenantUrl").asText();
    }

    public String adminUrl() {
        return started.path("adminUrl").asText();
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** What serve wrote to standard output after its first line: the access log. */
    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /**
     * SIGKILL: no shutdown hook, no drain, no close of the database. Returns the exit code, which on Unix is 137
     * (128 + signal 9) for a process the kill ended, and serve's own code had it stopped by itself first.
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("serve did not die on SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM, and the exit code once it has stopped gracefully. */
    public int stop() throws InterruptedException {
        process.toHandle().destroy(); // not Process.destroy, which also closes our end of its standard output
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(stderr);
        Files.deleteIfExists(stdout);
    }
}
