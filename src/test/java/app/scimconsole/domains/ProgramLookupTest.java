package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look-up that decides whether the NSD and Unbound tests run ({@link NsdServer#program}): a program that is
 * absent must give the empty answer on which those tests skip with their message, not fail; one that is there must
 * be found. Proven with programs that cannot exist and with a made-up one on a PATH of the test's own, so nothing
 * installed is touched.
 */
class ProgramLookupTest {
    @TempDir
    Path dir;

    @Test
    void aProgramThatIsNowhereGivesTheAbsentAnswerOnWhichTheDnsServerTestsSkip() {
        String name = "scim-console-no-such-daemon-" + ProcessHandle.current().pid();

        assertThat(NsdServer.program(name)).isEmpty();
        assertThat(NsdServer.program(name, null)).isEmpty();
    }

    @Test
    void aProgramOnThePathIsFound() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path daemon = Files.writeString(bin.resolve("scim-console-test-daemon"), "#!/bin/sh\n");
        assertThat(daemon.toFile().setExecutable(true)).isTrue();

        assertThat(NsdServer.program("scim-console-test-daemon", other + File.pathSeparator + bin)).contains(daemon);
    }

    @Test
    void aFileOfThatNameThatCannotBeRunCountsAsAbsent() throws Exception {
        // A leftover file named like the daemon must make the tests skip, not start it and fail.
        Path notAProgram = Files.writeString(dir.resolve("scim-console-test-daemon"), "not a program");
        assertThat(notAProgram.toFile().setExecutable(false)).isTrue();

        assertThat(NsdServer.program("scim-console-test-daemon", dir.toString())).isEmpty();
    }
}
