package app.scimconsole.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout of README "How it is built", checked on the compiled classes: arrows point down only, no package
 * depends on itself through others, the protocol imports nothing of the project, and SQL lives in one package.
 */
class LayoutTest {
    private static final String ROOT = "app.scimconsole";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(classes).as("the production classes were found").hasSizeGreaterThan(200);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theProtocolImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage(ROOT + ".scim..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".console..",
                        ROOT + ".client..", ROOT + ".admin..", ROOT + ".http..", ROOT + ".service..",
                        ROOT + ".domains..", ROOT + ".directory..")
                .check(classes);
    }

    @Test
    void theApplicationKnowsNoHttp() {
        noClasses().that().resideInAnyPackage(ROOT + ".service..", ROOT + ".domains..", ROOT + ".directory..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".http..", ROOT + ".client..",
                        ROOT + ".cli..", ROOT + ".console..", "com.sun.net.httpserver..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void storageAndDomainsKnowNothingAboveThem() {
        noClasses().that().resideInAPackage(ROOT + ".directory..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".admin..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".domains..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".directory..",
                        ROOT + ".admin..")
                .check(classes);
    }

    @Test
    void theAdminContractIsSharedDataOnly() {
        noClasses().that().resideInAPackage(ROOT + ".admin..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".http..",
                        ROOT + ".client..", ROOT + ".directory..", ROOT + ".domains..", ROOT + ".console..",
                        ROOT + ".cli..")
                .check(classes);
    }

    @Test
    void onlyTheEnginesTouchSqlite() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".directory..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "java.sql..", "javax.sql..",
                        "com.zaxxer.hikari..", "org.flywaydb..")
                .check(classes);
    }

    /** SQL in string literals, as the sources spell it: one statement outside {@code directory} fails this. */
    @Test
    void everySqlStatementLivesInTheDirectory() throws IOException {
        Pattern sql = Pattern.compile("\"\\s*(SELECT\\s|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|"
                + "CREATE\\s+(TABLE|INDEX)|ALTER\\s+TABLE|PRAGMA\\s)");
        Path sources = Path.of("src/main/java/app/scimconsole");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(sources.resolve("directory"))) {
                    continue;
                }
                Matcher m = sql.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(sources.relativize(f) + ": " + m.group(1).strip());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
