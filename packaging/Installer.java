import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installer for the OS this runs on with the JDK's own jpackage, in two steps:
 * <ol>
 *   <li>the app image (launcher + trimmed Java runtime + jars), from {@code packaging/common.args},
 *       {@code packaging/image.args} and {@code packaging/<os>/image.args};</li>
 *   <li>the installer made from that image (.deb, .msi or .dmg), from {@code packaging/common.args}
 *       and {@code packaging/<os>/package.args}. Reusing the image links the runtime once, not twice.</li>
 * </ol>
 * Both land in the destination folder, and their size and build time are printed.
 *
 * <p>Run by {@code mvn -Pinstaller -DskipTests package} (pom.xml, profile {@code installer}) from the
 * project folder, as {@code java packaging/Installer.java --app-version V --description D --main-jar JAR
 * --input DIR --javafx DIR --dest DIR}. A single source file so that the same step works on Linux, Windows and macOS
 * with nothing but the JDK.
 */
public final class Installer {
    private Installer() {
    }

    public static void main(String[] args) throws IOException {
        try {
            build(args);
        } catch (Failure e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void build(String[] args) throws IOException {
        String version = option(args, "--app-version");
        String description = option(args, "--description");
        Path mainJar = Path.of(option(args, "--main-jar"));
        Path input = Path.of(option(args, "--input"));
        Path javafx = Path.of(option(args, "--javafx"));
        Path dest = Path.of(option(args, "--dest"));
        String os = os();
        if (os.equals("macos") && version.startsWith("0.")) {
            // jpackage copies the version into CFBundleVersion, whose first number must be at least 1.
            throw new Failure("macOS needs an app version of 1.0 or later; pass -Dinstaller.version=1.x.y (the project is " + version + ")");
        }
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new Failure("this JDK has no jpackage (it needs JDK 16 or later with jdk.jpackage)"));

        deleteRecursively(dest); // jpackage refuses to write over an earlier image
        // The app's own jar joins its libraries; --main-jar in image.args names it relative to --input.
        Files.copy(mainJar, input.resolve(mainJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        long start = System.nanoTime();
        run(jpackage, List.of("--type", "app-image",
                "@packaging/common.args", "@packaging/image.args", "@packaging/" + os + "/image.args",
                "--app-version", version, "--description", description,
                "--input", input.toString(), "--module-path", javafx.toString(), "--dest", dest.toString()));
        Path image = onlyEntry(dest);
        long imageDone = System.nanoTime();
        report("app image", image, start, imageDone);

        run(jpackage, List.of("@packaging/common.args", "@packaging/" + os + "/package.args",
                "--app-image", image.toString(), "--app-version", version, "--description", description,
                "--dest", dest.toString()));
        Path installer;
        try (Stream<Path> entries = Files.list(dest)) {
            installer = entries.filter(p -> !p.equals(image)).findFirst()
                    .orElseThrow(() -> new Failure("jpackage wrote no installer into " + dest));
        }
        long end = System.nanoTime();
        report("installer", installer, imageDone, end);
        System.out.printf(Locale.ROOT, "installer: total jpackage time %.1f s%n", (end - start) / 1e9);
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return "windows";
        }
        if (name.contains("mac")) {
            return "macos";
        }
        return "linux";
    }

    private static void run(ToolProvider tool, List<String> args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = tool.run(out, err, args.toArray(String[]::new));
        if (status != 0) {
            throw new Failure("jpackage exited with " + status + " for: jpackage " + String.join(" ", args));
        }
    }

    private static void report(String what, Path path, long startNanos, long endNanos) {
        System.out.printf(Locale.ROOT, "installer: %s %s: %.1f MB, built in %.1f s%n",
                what, path, size(path) / 1e6, (endNanos - startNanos) / 1e9);
    }

    private static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path onlyEntry(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (all.size() != 1) {
                throw new Failure("expected one app image in " + dir + ", found " + all);
            }
            return all.get(0);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new Failure("missing option " + name);
    }

    /** A reason to stop, printed as one line without a stack trace. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason);
        }
    }
}
