package app.scimconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server launcher's entry point routes everything to {@code serve}: its options are serve's, and another
 * subcommand is not one of them. (That it serves SCIM from the packaged launcher is PackagedLauncherIT's.)
 */
class ServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void capture() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void helpIsServesHelp() {
        int exit = ServerMain.run(new String[] {"--help"});

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: scim-console serve")
                .contains("--public-url").contains("--admin-port");
    }

    @Test
    void anotherSubcommandIsRefusedNotRun() {
        int exit = ServerMain.run(new String[] {"scim", "enable", "--json"});

        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scim");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("secretToken");
    }
}
