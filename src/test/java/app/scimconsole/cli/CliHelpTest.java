package app.scimconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command, at every depth, explains itself: {@code --help}, {@code -h}, {@code help <command>}. */
class CliHelpTest {

    private record Printed(int exit, String out) {
    }

    private static Printed execute(String... args) {
        CommandLine cmd = Cli.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        return new Printed(cmd.execute(args), out.toString());
    }

    /** Each command's words after {@code scim-console}, depth first ({@code [domain, check-zone]} …). */
    private static List<List<String>> commandPaths(CommandSpec spec, List<String> path, List<List<String>> into) {
        for (var e : spec.subcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            into.add(sub);
            commandPaths(e.getValue().getCommandSpec(), sub, into);
        }
        return into;
    }

    private static List<List<String>> allCommands() {
        return commandPaths(Cli.commandLine().getCommandSpec(), List.of(), new ArrayList<>());
    }

    @Test
    void everyCommandAnswersHelpAndDashHWithItsOwnUsage() {
        List<List<String>> commands = allCommands();
        assertThat(commands).contains(List.of("domain", "check-zone"), List.of("serve"), List.of("scim", "enable"));
        for (List<String> path : commands) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Printed p = execute(args.toArray(String[]::new));
                assertThat(p.exit()).as(String.join(" ", args)).isZero();
                assertThat(p.out()).as(String.join(" ", args))
                        .startsWith("Usage: scim-console " + String.join(" ", path));
            }
        }
    }

    @Test
    void helpNamesACommandsUsage() {
        Printed p = execute("help", "domain");
        assertThat(p.exit()).isZero();
        assertThat(p.out()).startsWith("Usage: scim-console domain").contains("check-zone");
        assertThat(execute("help").out()).startsWith("Usage: scim-console").contains("serve");
    }

    @Test
    void everyOptionAndArgumentIsDescribed() {
        CommandLine root = Cli.commandLine();
        List<String> undescribed = new ArrayList<>();
        for (List<String> path : allCommands()) {
            CommandLine cmd = root;
            for (String word : path) {
                cmd = cmd.getSubcommands().get(word);
            }
            for (ArgSpec arg : cmd.getCommandSpec().args()) {
                String text = String.join(" ", arg.description()).strip();
                if (text.isEmpty()) {
                    undescribed.add(String.join(" ", path) + " " + arg.paramLabel());
                }
            }
            if (cmd.getCommandSpec().usageMessage().description().length == 0) {
                undescribed.add(String.join(" ", path));
            }
        }
        assertThat(undescribed).isEmpty();
    }
}
