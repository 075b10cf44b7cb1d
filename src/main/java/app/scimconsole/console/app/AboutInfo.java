package app.scimconsole.console.app;

import java.nio.file.Path;
import java.util.List;

/** What the About dialog says: the version, the data folder, and the libraries bundled with the console and their licences. */
public record AboutInfo(String version, Path dataFolder, List<Library> libraries) {
    /** A library shipped inside the console, with the licence it is used under. */
    public record Library(String name, String licence) {
    }

    /**
     * Every library the installers bundle (pom.xml's runtime dependencies and what they pull in), each licence as its
     * SPDX identifier: the same in every language.
     */
    public static final List<Library> LIBRARIES = List.of(
            new Library("OpenJFX (JavaFX)", "GPL-2.0 WITH Classpath-exception-2.0"),
            new Library("ControlsFX", "BSD-3-Clause"),
            new Library("Eclipse Jetty", "EPL-2.0 OR Apache-2.0"),
            new Library("Jackson", "Apache-2.0"),
            new Library("dnsjava", "BSD-3-Clause"),
            new Library("SQLite JDBC (xerial)", "Apache-2.0"),
            new Library("PostgreSQL JDBC", "BSD-2-Clause"),
            new Library("HikariCP", "Apache-2.0"),
            new Library("Flyway", "Apache-2.0"),
            new Library("picocli", "Apache-2.0"),
            new Library("ICU4J", "Unicode-3.0"),
            new Library("Unique4j", "Apache-2.0"),
            new Library("java-keyring", "BSD-3-Clause"),
            new Library("secret-service (Java), dbus-java", "MIT"),
            new Library("JNA", "Apache-2.0 OR LGPL-2.1-or-later"),
            new Library("jkeychain", "BSD-2-Clause"),
            new Library("HKDF (favre)", "Apache-2.0"),
            new Library("SLF4J", "MIT"));

    /** The running console's: its version from the jar's manifest (null when run from classes: a development build). */
    public static AboutInfo of(Path dataFolder) {
        return new AboutInfo(AboutInfo.class.getPackage().getImplementationVersion(), dataFolder, LIBRARIES);
    }

    /** The libraries as lines, "name — licence". */
    public String licenceLines() {
        StringBuilder b = new StringBuilder();
        for (Library l : libraries) {
            b.append(l.name()).append(" — ").append(l.licence()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
