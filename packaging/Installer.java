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
import java.util.Map;
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
        Trim.libraries(input, os);
        List<String> imageArgs = new ArrayList<>(List.of("--type", "app-image",
                "@packaging/common.args", "@packaging/image.args", "@packaging/" + os + "/image.args",
                "--app-version", version, "--description", description,
                "--input", input.toString(), "--module-path", javafx.toString(), "--dest", dest.toString()));
        imageArgs.addAll(List.of("--jlink-options", ModuleTrim.jlinkOptions(dest.resolveSibling("jpackage"))));
        run(jpackage, imageArgs);
        Path image = onlyEntry(dest);
        JavaFxNatives.install(image, os, javafx);
        NativeSymbols.strip(image, os);
        Path cdsWork = dest.resolveSibling("jpackage").resolve("cds");
        boolean trained = ClassDataSharing.train(image, os, cdsWork);
        long imageDone = System.nanoTime();
        report("app image", image, start, imageDone);

        // The installer is made from the image before any archive is dumped into it: an archive made here records
        // this folder's jar paths and would be ignored once installed elsewhere (/opt/scim-console). The .deb's
        // postinst dumps it where it is installed, from the class list the image carries.
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
        if (trained) {
            // For this build's own image, run in place by PackagedLauncherIT and the first-paint benchmark.
            ClassDataSharing.dump(image, os, cdsWork);
        }
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

    /**
     * Leaves out of the libraries what the target OS never loads: sqlite-jdbc's and JNA's native libraries for every
     * other OS and processor (12 MB of sqlite-jdbc's 12 MB jar, 1.4 MB of JNA's 1.9 MB), JNA's platform library
     * (1.4 MB) except on Windows, the only OS whose code uses it, and ICU4J's locale data (collation, time zones, currencies, units, ...;
     * ~23 MB uncompressed) which the app never reads: it uses only normalization, IDNA and character properties, whose
     * data (*.nrm, uprops.icu, ucase.icu, ...) stays; and from ICU4J, ControlsFX, Nimbus JOSE+JWT and dnsjava the
     * classes nothing can load ({@link ClassClosure}). Rewrites the copies in the jpackage input, never the local
     * Maven repository's.
     */
    static final class Trim {
        private static final String SQLITE_NATIVE = "/org/sqlite/native/";
        /** JNA (keyring access, through java-keyring) keeps its libjnidispatch for 26 platforms in folders here. */
        private static final String JNA_NATIVE = "/com/sun/jna/";
        private static final String ICU_DATA = "/com/ibm/icu/impl/data/icudata/";
        /**
         * The libraries that keep only the classes the other jars reach ({@link ClassClosure}): the start of each
         * one's jar name, and the packages (slashed) whose classes it may lose.
         */
        private static final Map<String, List<String>> CLOSED = Map.of(
                "icu4j-", List.of("com/ibm/icu/"),
                "controlsfx-", List.of("org/controlsfx/", "impl/org/controlsfx/"),
                "nimbus-jose-jwt-", List.of("com/nimbusds/"),
                "dnsjava-", List.of("org/xbill/"));
        private static final List<String> ICU_UNUSED = List.of("brkitr", "coll", "curr", "lang", "rbnf", "region",
                "translit", "unit", "zone");

        private Trim() {
        }

        static void libraries(Path input, String os) throws IOException {
            String keep = SQLITE_NATIVE + sqliteOs(os) + "/" + sqliteArch() + "/";
            try (Stream<Path> jars = Files.list(input)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                    String name = jar.getFileName().toString();
                    if (name.startsWith("sqlite-jdbc-")) {
                        keepOnlyNatives(jar, SQLITE_NATIVE, keep, entry -> true);
                    } else if (name.startsWith("jna-platform-") && !os.equals("windows")) {
                        // java-keyring's Windows backend and PostgreSQL's Windows login (SSPI) are its only users
                        System.out.printf(Locale.ROOT, "installer: %s: removed, used only on Windows (%.1f MB)%n",
                                name, Files.size(jar) / 1e6);
                        Files.delete(jar);
                    } else if (name.startsWith("jna-") && !name.startsWith("jna-platform-")) {
                        keepOnlyNatives(jar, JNA_NATIVE, JNA_NATIVE + jnaPlatform(os) + "/", Trim::isJnaNative);
                    } else if (name.startsWith("icu4j-")) {
                        long removed = removeFromJar(jar, ICU_DATA, entry -> isUnusedIcuData(entry));
                        System.out.printf(Locale.ROOT, "installer: %s: %.1f MB of unused data removed%n",
                                name, removed / 1e6);
                    }
                    for (Map.Entry<String, List<String>> closed : CLOSED.entrySet()) {
                        if (name.startsWith(closed.getKey())) {
                            ClassClosure.keepReachable(jar, input, closed.getValue());
                        }
                    }
                }
            }
        }

        /** Removes the native libraries under {@code root} but those in {@code keep}; stops when none is there. */
        private static void keepOnlyNatives(Path jar, String root, String keep,
                java.util.function.Predicate<String> isNative) throws IOException {
            String name = jar.getFileName().toString();
            long removed = removeFromJar(jar, root, entry -> isNative.test(entry) && !entry.startsWith(keep));
            if (removed == 0 || !exists(jar, keep)) {
                throw new Failure(name + " has no native library at " + keep + ": update Installer.Trim");
            }
            System.out.printf(Locale.ROOT, "installer: %s: kept only %s, %.1f MB of other natives removed%n",
                    name, keep, removed / 1e6);
        }

        /**
         * ICU4J data the app never reads: the locale folders, the root's locale bundles ({@code *.res}), StringPrep
         * profiles ({@code *.spp}), the spoof checker's confusables and the character names ({@code unames.icu}).
         * What stays is the normalization ({@code *.nrm}) and character property ({@code *.icu}) data.
         */
        static boolean isUnusedIcuData(String entry) {
            String rest = entry.substring(ICU_DATA.length());
            return ICU_UNUSED.stream().anyMatch(d -> rest.startsWith(d + "/"))
                    || !rest.contains("/") && (rest.endsWith(".res") || rest.endsWith(".spp") || rest.endsWith(".cfu")
                    || rest.equals("unames.icu"));
        }

        /** JNA's folder name for this OS and processor (its Platform.RESOURCE_PREFIX). */
        static String jnaPlatform(String os) {
            String arch = sqliteArch().replace('_', '-');
            return switch (os) {
                case "windows" -> "win32-" + arch;
                case "macos" -> "darwin-" + arch;
                default -> "linux-" + arch;
            };
        }

        /** A file in one of JNA's per-platform folders ({@code /com/sun/jna/linux-x86-64/libjnidispatch.so}). */
        private static boolean isJnaNative(String entry) {
            String rest = entry.substring(JNA_NATIVE.length());
            int slash = rest.indexOf('/');
            return slash > 0 && rest.indexOf('-') > 0 && rest.indexOf('-') < slash;
        }

        /** sqlite-jdbc's folder name for the OS (its OSInfo). */
        static String sqliteOs(String os) {
            return switch (os) {
                case "windows" -> "Windows";
                case "macos" -> "Mac";
                default -> "Linux";
            };
        }

        /** sqlite-jdbc's folder name for this processor (its OSInfo). */
        static String sqliteArch() {
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            return switch (arch) {
                case "amd64", "x86_64", "x64" -> "x86_64";
                case "aarch64", "arm64" -> "aarch64";
                case "x86", "i386", "i686" -> "x86";
                default -> arch;
            };
        }

        private static boolean exists(Path jar, String folder) throws IOException {
            try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                return Files.isDirectory(zip.getPath(folder));
            }
        }

        /** Deletes the files under {@code root} that {@code remove} selects; returns their uncompressed size. */
        private static long removeFromJar(Path jar, String root, java.util.function.Predicate<String> remove)
                throws IOException {
            long removed = 0;
            try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                Path top = zip.getPath(root);
                if (!Files.isDirectory(top)) {
                    return 0;
                }
                List<Path> all;
                try (Stream<Path> walk = Files.walk(top)) {
                    all = walk.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path p : all) {
                    String entry = p.toString() + (Files.isDirectory(p) ? "/" : "");
                    if (Files.isDirectory(p)) {
                        try (Stream<Path> left = Files.list(p)) {
                            if (left.findAny().isEmpty() && remove.test(entry)) {
                                Files.delete(p);
                            }
                        }
                    } else if (remove.test(entry)) {
                        removed += Files.size(p);
                        Files.delete(p);
                    }
                }
            }
            return removed;
        }
    }

    /**
     * Leaves out of a library the classes nothing can load: those that no other jar of the app names and that no kept
     * class of the library names, followed transitively. A class "names" another when the other's name is anywhere in
     * its constant pool: a class, field or method reference, a descriptor or signature, or a string in the code, dotted
     * ({@code Class.forName("com.ibm.icu.text.BreakIteratorFactory")}, ICU4J's way of loading its optional parts) or
     * slashed; the other jars' FXML and CSS files name classes too ({@code <?import org.controlsfx.control.StatusBar?>}).
     * So a class loaded by reflection from a name written in the code is kept as well; beside those, a kept class keeps
     * the classes named after it with a suffix ({@code HolidayBundle} keeps {@code HolidayBundle_de}), which
     * {@code ResourceBundle} loads by a name it builds, and the classes its own {@code META-INF/services} files list
     * are kept for {@code ServiceLoader}. In a multi-release jar (dnsjava's) a class is every version of it
     * ({@code META-INF/versions/11/org/xbill/DNS/AsyncSemaphore.class} beside
     * {@code org/xbill/DNS/AsyncSemaphore.class}): kept or removed together, and what each version names is followed,
     * since the JVM loads the one for its release. What stays is a superset of what can be loaded. Resources (data,
     * CSS, images, translations) are all kept. Checked with {@code -verbose:class} over the libraries' users' tests and
     * the packaged console and service: every class loaded is kept (README "A smaller install").
     */
    static final class ClassClosure {
        /** The folder of a multi-release jar's classes for one Java release. */
        private static final java.util.regex.Pattern VERSIONED =
                java.util.regex.Pattern.compile("^META-INF/versions/[0-9]+/");

        private ClassClosure() {
        }

        /**
         * Removes from {@code jar} the classes under {@code prefixes} (slashed: {@code com/ibm/icu/}) that the other
         * jars in {@code input} cannot reach; stops when no other jar names one of them.
         */
        static void keepReachable(Path jar, Path input, List<String> prefixes) throws IOException {
            java.util.regex.Pattern names = namePattern(prefixes);
            java.util.Set<String> roots = new java.util.HashSet<>();
            try (Stream<Path> jars = Files.list(input)) {
                for (Path other : jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(jar)).toList()) {
                    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(other)) {
                        for (Path c : files(zip, ".class")) {
                            roots.addAll(names(Files.readAllBytes(c), names));
                        }
                        for (Path text : files(zip, ".fxml", ".css")) {
                            // class names are ASCII: any encoding of the file reads them the same
                            find(names, new String(Files.readAllBytes(text), java.nio.charset.StandardCharsets.ISO_8859_1),
                                    roots);
                        }
                    }
                }
            }
            if (roots.isEmpty()) {
                throw new Failure("no jar names a class of " + jar.getFileName() + ": update Installer.ClassClosure");
            }
            try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                // what the jar offers to ServiceLoader is loaded by the names its service files list
                Path services = zip.getPath("/META-INF/services");
                if (Files.isDirectory(services)) {
                    try (Stream<Path> listed = Files.list(services)) {
                        for (Path service : listed.toList()) {
                            find(names, new String(Files.readAllBytes(service),
                                    java.nio.charset.StandardCharsets.ISO_8859_1), roots);
                        }
                    }
                }
                Map<String, List<Path>> all = new java.util.HashMap<>();
                for (Path c : files(zip, ".class")) {
                    String entry = VERSIONED.matcher(c.toString().substring(1)).replaceFirst("");
                    all.computeIfAbsent(entry.substring(0, entry.length() - ".class".length()), k -> new ArrayList<>())
                            .add(c);
                }
                java.util.Set<String> kept = new java.util.HashSet<>();
                java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(roots);
                while (!todo.isEmpty()) {
                    for (String candidate : candidates(todo.pop(), all)) {
                        if (kept.add(candidate)) {
                            for (Path version : all.get(candidate)) {
                                todo.addAll(names(Files.readAllBytes(version), names));
                            }
                        }
                    }
                }
                long removed = 0;
                int count = 0;
                for (Map.Entry<String, List<Path>> c : all.entrySet()) {
                    if (prefixes.stream().anyMatch(c.getKey()::startsWith) && !kept.contains(c.getKey())) {
                        for (Path version : c.getValue()) {
                            removed += Files.size(version);
                            Files.delete(version);
                        }
                        count++;
                    }
                }
                System.out.printf(Locale.ROOT, "installer: %s: %d of its %d classes reached from the other jars and"
                        + " kept, %d removed (%.1f MB)%n", jar.getFileName(), kept.size(), all.size(), count,
                        removed / 1e6);
            }
        }

        /** A prefix slashed or dotted, then the rest of a name: "Lcom/ibm/icu/text/UnicodeSet;", "com.ibm.icu.x.Y". */
        static java.util.regex.Pattern namePattern(List<String> prefixes) {
            return java.util.regex.Pattern.compile(prefixes.stream()
                    .map(p -> java.util.Arrays.stream(p.split("/")).map(java.util.regex.Pattern::quote)
                            .collect(java.util.stream.Collectors.joining("[./]")))
                    .collect(java.util.stream.Collectors.joining("|", "(?:", ")")) + "[./][A-Za-z0-9_$./]*");
        }

        /**
         * The classes of the jar a name may mean: itself, each outer prefix ({@code a/B/C} as {@code a/B}, for a
         * dotted nested name), and the classes named after it with a suffix ({@code a/B_de} for {@code a/B}).
         */
        private static List<String> candidates(String name, Map<String, List<Path>> all) {
            List<String> found = new ArrayList<>();
            for (String n = name; !n.isEmpty(); n = n.substring(0, Math.max(0, n.lastIndexOf('/')))) {
                if (all.containsKey(n)) {
                    found.add(n);
                    for (String other : all.keySet()) {
                        if (other.startsWith(n + "_") && other.indexOf('/', n.length()) < 0) {
                            found.add(other);
                        }
                    }
                }
            }
            return found;
        }

        private static List<Path> files(java.nio.file.FileSystem zip, String... endings) throws IOException {
            try (Stream<Path> walk = Files.walk(zip.getPath("/"))) {
                return walk.filter(p -> java.util.Arrays.stream(endings).anyMatch(p.toString()::endsWith)
                        && Files.isRegularFile(p)).toList();
            }
        }

        private static void find(java.util.regex.Pattern names, String text, java.util.Set<String> into) {
            java.util.regex.Matcher m = names.matcher(text);
            while (m.find()) {
                into.add(m.group().replace('.', '/'));
            }
        }

        /** The names {@code names} matches in a class file's constant pool (its UTF-8 entries), slashed. */
        static java.util.Set<String> names(byte[] classFile, java.util.regex.Pattern names) throws IOException {
            java.util.Set<String> found = new java.util.HashSet<>();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                return found;
            }
            in.skipBytes(4); // minor and major version
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> find(names, in.readUTF(), found);
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // a long or a double takes two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return found;
        }
    }

    /**
     * Leaves out of two JDK modules the parts nothing in the app loads, with jlink's {@code --exclude-resources} and
     * {@code --exclude-files}. {@code java.desktop} is in the runtime only because javafx.base requires it (for
     * java.beans), and Jackson reads {@code java.beans.ConstructorProperties} and {@code Transient} from it; AWT,
     * Swing, Java 2D, image I/O, printing and sound (and their native libraries) are never loaded: JavaFX draws
     * with Prism and Glass on GTK, its file choosers, clipboard and dialogs are its own (checked with
     * {@code -Xlog:class+load} over a console session that opened every section, a file chooser, the clipboard, a
     * dialog and a link, and over {@code serve}: 2 classes of java.desktop loaded, both java.beans).
     * {@code java.xml} is there for FXML, which reads with StAX (Xerces); XSLT (Xalan, XSLTC and its BCEL) and
     * XPath are never used. jlink refuses a module that lacks a package its descriptor lists, so each package keeps
     * one class: {@link #STUBS} names it where it matters, otherwise the smallest. Reads the running JDK's own
     * modules, whose jmods jpackage links.
     */
    static final class ModuleTrim {
        /** Per module, the folders (packages and below) to leave out. */
        private static final Map<String, List<String>> LEAVE_OUT = Map.of(
                "java.desktop", List.of("java/awt/", "javax/swing/", "javax/imageio/", "javax/print/", "javax/sound/",
                        "javax/accessibility/", "java/applet/", "sun/awt/", "sun/java2d/", "sun/font/", "sun/print/",
                        "sun/swing/", "sun/applet/", "com/sun/imageio/", "com/sun/media/", "com/sun/java/swing/",
                        "com/sun/swing/", "com/sun/accessibility/"),
                "java.xml", List.of("com/sun/org/apache/xalan/", "com/sun/org/apache/xpath/",
                        "com/sun/org/apache/bcel/", "com/sun/java_cup/"));
        /** The class an exported package keeps: java.awt's is the exception JNA's Native declares it throws. */
        private static final Map<String, String> STUBS = Map.of("java/awt/", "HeadlessException.class");

        private ModuleTrim() {
        }

        /** jlink options that leave those parts out; the resource patterns go to a file in {@code work}. */
        static String jlinkOptions(Path work) throws IOException {
            java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
            List<String> patterns = new ArrayList<>();
            long removed = 0;
            for (Map.Entry<String, List<String>> module : new java.util.TreeMap<>(LEAVE_OUT).entrySet()) {
                String name = module.getKey();
                java.lang.module.ModuleDescriptor descriptor = java.lang.module.ModuleFinder.ofSystem().find(name)
                        .orElseThrow(() -> new Failure("this JDK has no module " + name)).descriptor();
                java.util.Set<String> packages = new java.util.HashSet<>();
                descriptor.packages().forEach(p -> packages.add(p.replace('.', '/') + "/"));
                Path root = jrt.getPath("/modules", name);
                java.util.Map<String, List<Path>> folders = new java.util.TreeMap<>();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(f -> folders.computeIfAbsent(
                            root.relativize(f.getParent()).toString() + "/", k -> new ArrayList<>()).add(f));
                }
                for (Map.Entry<String, List<Path>> folder : folders.entrySet()) {
                    String dir = folder.getKey();
                    if (module.getValue().stream().noneMatch(dir::startsWith)) {
                        continue;
                    }
                    List<Path> files = folder.getValue();
                    String quoted = java.util.regex.Pattern.quote("/" + name + "/" + dir);
                    if (packages.contains(dir)) {
                        String stub = STUBS.getOrDefault(dir, smallest(files));
                        patterns.add("regex:" + quoted + "(?!" + java.util.regex.Pattern.quote(stub) + "$)[^/]+");
                        for (Path f : files) {
                            removed += f.getFileName().toString().equals(stub) ? 0 : Files.size(f);
                        }
                    } else {
                        patterns.add("regex:" + quoted + "[^/]+");
                        for (Path f : files) {
                            removed += Files.size(f);
                        }
                    }
                }
            }
            Files.createDirectories(work);
            Path list = work.resolve("jlink-exclude-resources.txt");
            List<String> resources = new ArrayList<>(patterns);
            resources.add(JavaFxNatives.RESOURCES); // files of the runtime instead (JavaFxNatives)
            Files.write(list, resources);
            System.out.printf(Locale.ROOT, "installer: %s: %.1f MB of unused classes left out (%d folders, %s)%n",
                    String.join(", ", new java.util.TreeSet<>(LEAVE_OUT.keySet())), removed / 1e6, patterns.size(), list);
            // java.desktop's native libraries are all AWT's, Java 2D's, image I/O's and sound's, its conf is sound's;
            // jrt-fs.jar lets another JDK's tools read this runtime's modules file: nothing the app does
            return "--exclude-resources=@" + list
                    + " --exclude-files=/java.desktop/lib/*,/java.desktop/conf/*,/java.base/lib/jrt-fs.jar";
        }

        private static String smallest(List<Path> files) {
            return files.stream().min(Comparator.comparing((Path f) -> !f.getFileName().toString().endsWith(".class"))
                    .thenComparingLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })).map(f -> f.getFileName().toString())
                    .orElseThrow();
        }
    }

    /**
     * JavaFX's native libraries as files of the runtime, where JavaFX looks for them first when its classes come from
     * the runtime image ({@code NativeLibLoader}: {@code lib/} of java.home on Linux and macOS, {@code bin/javafx} on
     * Windows). Linked from the JavaFX jars they would be resources of {@code javafx.graphics}, which every start reads
     * out of the {@code modules} file, checks by MD5 against a copy it keeps in {@code ~/.openjfx/cache} (written
     * into each user's home on the first start) and loads from there. {@link ModuleTrim} leaves the resources out.
     */
    static final class JavaFxNatives {
        /** The jlink pattern of those resources: every native library at the root of javafx.graphics. */
        static final String RESOURCES = "regex:/javafx\\.graphics/[^/]+\\.(so|dll|dylib)";

        private JavaFxNatives() {
        }

        static void install(Path image, String os, Path javafx) throws IOException {
            Path home = switch (os) {
                case "windows" -> image.resolve("runtime");
                case "macos" -> image.resolve("Contents/runtime/Contents/Home");
                default -> image.resolve("lib/runtime");
            };
            Path dir = Files.createDirectories(os.equals("windows") ? home.resolve("bin/javafx") : home.resolve("lib"));
            java.util.regex.Pattern nativeLibrary = java.util.regex.Pattern.compile("[^/]+\\.(so|dll|dylib)");
            long bytes = 0;
            int count = 0;
            try (Stream<Path> jars = Files.list(javafx)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("javafx-graphics-")).toList()) {
                    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar);
                            Stream<Path> entries = Files.list(zip.getPath("/"))) {
                        for (Path entry : entries.toList()) {
                            String name = entry.getFileName().toString();
                            if (nativeLibrary.matcher(name).matches()) {
                                Files.copy(entry, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                                bytes += Files.size(dir.resolve(name));
                                count++;
                            }
                        }
                    }
                }
            }
            if (count == 0) {
                throw new Failure("no JavaFX native library in the javafx-graphics jar of " + javafx
                        + ": update Installer.JavaFxNatives");
            }
            System.out.printf(Locale.ROOT, "installer: %d JavaFX native libraries in %s (%.1f MB), not in the modules%n",
                    count, image.relativize(dir), bytes / 1e6);
        }
    }

    /**
     * Strips the runtime's native libraries of their symbol tables on Linux: Debian's and most Linux JDKs ship
     * {@code libjvm.so} with {@code .symtab}/{@code .strtab} (4 MB of its 24 MB), which only name the JVM's own
     * functions in a native crash report (hs_err). jlink's {@code --strip-native-debug-symbols} runs
     * {@code objcopy --strip-debug}, which leaves those tables, so it gains nothing there. The exported symbols
     * ({@code .dynsym}) and the {@code .gnu_debuglink} to the JDK's separate debug files stay. Without {@code strip}
     * (binutils) the image keeps them, and says so.
     */
    static final class NativeSymbols {
        private NativeSymbols() {
        }

        static void strip(Path image, String os) throws IOException {
            if (!os.equals("linux")) {
                return;
            }
            List<Path> libraries;
            try (Stream<Path> walk = Files.walk(image.resolve("lib/runtime"))) {
                libraries = walk.filter(p -> p.getFileName().toString().endsWith(".so")).toList();
            }
            long before = 0;
            long after = 0;
            for (Path library : libraries) {
                before += Files.size(library);
                int status;
                try {
                    // strip writes a new file and renames it over the old one, so the jmods' copies are never touched
                    status = new ProcessBuilder("strip", "--strip-unneeded", library.toString()).inheritIO().start().waitFor();
                } catch (IOException e) {
                    System.out.println("installer: WARNING: no strip (apt-get install binutils): the runtime's native"
                            + " libraries keep their symbol tables (about 4 MB)");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure("interrupted while stripping " + library);
                }
                if (status != 0) {
                    throw new Failure("strip --strip-unneeded " + library + " exited with " + status);
                }
                after += Files.size(library);
            }
            System.out.printf(Locale.ROOT, "installer: runtime native libraries stripped: %.1f MB to %.1f MB%n",
                    before / 1e6, after / 1e6);
        }
    }

    /**
     * The AppCDS archive: a training run of the real app (the console opened in a window with a fresh data folder,
     * until its first screen: the window's first frame, then the opening section's page in it) lists the classes it
     * loads into {@code <app>/scim-console.classlist}, which the image carries; the launcher's configuration gets
     * {@code -XX:SharedArchiveFile=$APPDIR/scim-console.jsa -Xshare:auto}.
     * The archive itself is dumped from that list where the app runs, because a JDK 17 archive records the absolute
     * paths of the class path's jars and is ignored ("shared class paths mismatch") in any other folder: the .deb's
     * postinst dumps it in /opt/scim-console (packaging/linux/postinst), and {@link #dump} dumps one into this build's
     * own image for the tests and the benchmark. A missing or stale archive is ignored by the JVM, never an error.
     * Only the classes up to the first screen are listed: the embedded service starts after it, and its
     * classes (Jetty, Flyway, SQLite) would make the archive half as large again for no earlier window. On Linux
     * without a display the training run opens an Xvfb of its own; without Xvfb the image has no class list, and says so.
     */
    static final class ClassDataSharing {
        static final String ARCHIVE = "scim-console.jsa";
        static final String CLASS_LIST = "scim-console.classlist";
        private static final long TRAINING_TIMEOUT_SECONDS = 180;

        private ClassDataSharing() {
        }

        /** Lists the classes the console loads up to its first screen into the image; false when that failed. */
        static boolean train(Path image, String os, Path work) throws IOException {
            Path cfg = launcherConfig(image);
            Path launcher = launcher(image, os, cfg);
            deleteRecursively(work);
            Files.createDirectories(work);
            Path classList = cfg.resolveSibling(CLASS_LIST);
            long start = System.nanoTime();
            Process xvfb = null;
            try {
                String display = System.getenv("DISPLAY");
                if (os.equals("linux") && (display == null || display.isBlank())) {
                    xvfb = startXvfb();
                    if (xvfb == null) {
                        System.out.println("installer: WARNING: no display and no Xvfb (apt-get install xvfb): the app"
                                + " image has no AppCDS class list, so the console starts slower");
                        return false;
                    }
                    display = xvfbDisplay;
                }
                if (!train(launcher, display, work, classList)) {
                    Files.deleteIfExists(classList);
                    return false;
                }
            } finally {
                if (xvfb != null) {
                    xvfb.destroy();
                }
            }
            addJavaOptions(cfg, List.of("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE, "-Xshare:auto"));
            System.out.printf(Locale.ROOT, "installer: AppCDS class list %s: %d classes, trained in %.1f s%n",
                    classList, Files.readAllLines(classList).size(), (System.nanoTime() - start) / 1e9);
            return true;
        }

        /** Dumps the archive from the image's class list into the image, where it is valid only in this folder. */
        static void dump(Path image, String os, Path work) throws IOException {
            Path cfg = launcherConfig(image);
            Path launcher = launcher(image, os, cfg);
            Path archive = cfg.resolveSibling(ARCHIVE);
            long start = System.nanoTime();
            ProcessBuilder dump = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("dump.log").toFile());
            dump.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile="
                    + cfg.resolveSibling(CLASS_LIST) + " -XX:SharedArchiveFile=" + archive);
            int status = waitFor(dump.start(), TRAINING_TIMEOUT_SECONDS);
            if (status != 0 || !Files.isRegularFile(archive)) {
                System.out.println("installer: WARNING: the AppCDS dump failed (exit " + status + ", see "
                        + work.resolve("dump.log") + "): this build's image has no archive");
                Files.deleteIfExists(archive);
                return;
            }
            System.out.printf(Locale.ROOT, "installer: AppCDS archive %s (this build's image only; the .deb dumps its"
                    + " own when installed): %.1f MB, dumped in %.1f s%n",
                    archive, Files.size(archive) / 1e6, (System.nanoTime() - start) / 1e9);
        }

        private static String xvfbDisplay;

        private static Process startXvfb() throws IOException {
            for (int n = 71; n < 90; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process x;
                try {
                    x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } catch (IOException e) {
                    return null; // no Xvfb on this machine
                }
                for (int i = 0; i < 100 && x.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        xvfbDisplay = ":" + n;
                        return x;
                    }
                    sleep(50);
                }
                x.destroy();
            }
            return null;
        }

        /**
         * Runs the console until its first screen (the page it opens on is built after the first frame, and its classes
         * belong in the archive too), listing the classes it loads; false when that failed.
         */
        private static boolean train(Path launcher, String display, Path work, Path classList) throws IOException {
            Path log = work.resolve("training.log");
            ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (display != null) {
                pb.environment().put("DISPLAY", display);
            }
            pb.environment().put("SCIM_CONSOLE_STARTUP_TRACE", "1");
            pb.environment().put("XDG_DATA_HOME", work.resolve("data").toString());
            pb.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:off -XX:DumpLoadedClassList=" + classList);
            Process p = pb.start();
            long deadline = System.nanoTime() + TRAINING_TIMEOUT_SECONDS * 1_000_000_000L;
            boolean painted = false;
            while (!painted && p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
                painted = Files.readString(log).contains("scim-console startup: first-screen");
            }
            p.destroy();
            waitFor(p, 30);
            if (!painted || !Files.isRegularFile(classList)) {
                System.out.println("installer: WARNING: the AppCDS training run did not reach its first screen (see "
                        + log + "): the app image has no class list");
                return false;
            }
            return true;
        }

        /**
         * The main launcher's configuration: jpackage names it, like the image, after {@code --name}; the added
         * launchers' (the server's, Windows' command line) have .cfg files of their own beside it and no archive.
         */
        private static Path launcherConfig(Path image) throws IOException {
            String main = image.getFileName().toString().replaceFirst("\\.app$", "") + ".cfg";
            try (Stream<Path> walk = Files.walk(image)) {
                return walk.filter(p -> p.getFileName().toString().equals(main)
                                && p.getParent().getFileName().toString().equals("app"))
                        .findFirst().orElseThrow(() -> new Failure("no launcher " + main + " in " + image));
            }
        }

        private static Path launcher(Path image, String os, Path cfg) {
            String name = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
            return switch (os) {
                case "windows" -> image.resolve(name + ".exe");
                case "macos" -> image.resolve("Contents/MacOS").resolve(name);
                default -> image.resolve("bin").resolve(name);
            };
        }

        private static void addJavaOptions(Path cfg, List<String> options) throws IOException {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) {
                lines.add("[JavaOptions]");
                section = lines.size() - 1;
            }
            for (int i = 0; i < options.size(); i++) {
                lines.add(section + 1 + i, "java-options=" + options.get(i));
            }
            Files.write(cfg, lines);
        }

        private static int waitFor(Process p, long seconds) {
            try {
                if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    return -1;
                }
                return p.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return -1;
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A reason to stop, printed as one line without a stack trace. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason);
        }
    }
}
