package app.scimconsole.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer: jelhub/scimgateway with its in-memory plugin-loki, installed from its public source at run time into a
 * temp folder (never kept in this repository) and run on the machine's Node.
 *
 * <p>It is installed as its README says ({@code npm install scimgateway}), with two differences: its {@code postinstall}
 * runs Bun, so scripts are skipped and what that script does for plugin-loki is done here (the plugin and its config
 * copied next to {@code node_modules}); and it runs on Node through {@code tsx}, as its {@code index.ts} says for Node.
 * Where the npm registry does not serve the package, the tag {@code v<version>} of its public repository
 * (https://github.com/jelhub/scimgateway, or the clone or URL named by {@code -Dcompare.peerSource}) is packed with
 * {@code git archive} and installed as the same npm tarball.
 */
final class ScimGateway {
    static final String TOKEN = "peer-comparison-token";
    static final String GITHUB = "https://github.com/jelhub/scimgateway.git";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final String version;

    private ScimGateway(Path dir, String version) {
        this.dir = dir;
        this.version = version;
    }

    static ScimGateway install(Path dir, String version, String source) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"peer-comparison\",\"private\":true,\"type\":\"module\"}\n");
        if (source.isBlank()) {
            try {
                npmInstall(dir, "scimgateway@" + version);
            } catch (IOException notInRegistry) {
                System.out.println("Peer: the npm registry did not serve scimgateway@" + version + "; from its git source");
                npmInstall(dir, packedFromGit(dir, version, GITHUB));
            }
        } else {
            npmInstall(dir, packedFromGit(dir, version, source));
        }
        Path pkg = dir.resolve("node_modules/scimgateway");
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("config"));
        Files.copy(pkg.resolve("lib/plugin-loki.ts"), dir.resolve("lib/plugin-loki.ts"));
        String installed = JSON.readTree(pkg.resolve("package.json").toFile()).path("version").asText();
        if (!installed.equals(version)) {
            throw new IllegalStateException("installed scimgateway " + installed + ", not " + version);
        }
        return new ScimGateway(dir, version);
    }

    private static void npmInstall(Path dir, String spec) throws Exception {
        System.out.println("Peer: npm install " + spec + " (and tsx) into " + dir);
        run(dir, "npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", spec, "tsx@4");
    }

    /** The tag {@code v<version>} of a clone (a folder) or of a repository URL, as an npm-installable tarball. */
    private static String packedFromGit(Path dir, String version, String source) throws Exception {
        Path clone = Path.of(source.contains("://") ? "." : source);
        if (source.contains("://")) {
            clone = dir.resolve("scimgateway-source");
            run(dir, "git", "clone", "--quiet", "--bare", "--depth", "1", "--branch", "v" + version, source, clone.toString());
        }
        Path tarball = dir.resolve("scimgateway-" + version + ".tgz");
        run(dir, "git", "--git-dir", gitDir(clone).toString(), "archive", "--format=tar.gz", "--prefix=package/",
                "--output=" + tarball, "v" + version);
        return tarball.toString();
    }

    private static Path gitDir(Path clone) {
        return Files.isDirectory(clone.resolve(".git")) ? clone.resolve(".git") : clone;
    }

    String version() {
        return version;
    }

    /**
     * Starts plugin-loki on a free loopback port with a fresh in-memory store (persistence off, its default), a bearer
     * token as Entra's secret token, and its file log off and console log at errors only: its fastest settings.
     */
    ServerProcess start() throws Exception {
        int port = ServerProcess.freePort();
        Path configFile = dir.resolve("config/plugin-loki.json");
        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("node_modules/scimgateway/config/plugin-loki.json").toFile());
        ObjectNode gateway = (ObjectNode) config.get("scimgateway");
        gateway.put("port", port).put("localhostonly", true);
        ((ObjectNode) gateway.get("log")).putObject("loglevel").put("file", "off").put("console", "error");
        ObjectNode auth = (ObjectNode) gateway.get("auth");
        auth.putArray("basic");
        auth.putArray("bearerToken").addObject().put("token", TOKEN).put("readOnly", false).putArray("baseEntities");
        Files.writeString(configFile, config.toPrettyString());
        Path log = dir.resolve("peer.log");
        Process p = new ProcessBuilder("node", "--import", "tsx", "lib/plugin-loki.ts").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess("scimgateway", p, "http://127.0.0.1:" + port + "/Users", TOKEN).awaitReady(log);
    }

    static String nodeVersion() throws Exception {
        Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return v;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
