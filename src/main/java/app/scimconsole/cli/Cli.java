package app.scimconsole.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code scim-console <subcommand>}. Failures print one line on standard error and
 * exit non-zero; a stack trace is never shown to a person. Every command, at every depth, answers {@code --help} and
 * {@code -h} (the standard options are inherited), and {@code help <command>} prints a command's usage.
 */
@Command(name = "scim-console", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Cli.Version.class,
        description = "SCIM 2.0 provisioning service for Microsoft Entra ID, with a desktop console.",
        subcommands = {ServeCommand.class, ScimCommand.class, DomainCommand.class, UsersCommand.class, ActivityCommand.class,
                AdminCommand.class, EventsCommand.class, WebhookCommand.class, HelpCommand.class})
public final class Cli implements Runnable {
    static final int EXIT_FAILURE = 1;

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("scim-console: " + Failures.describe(ex));
            err.flush();
            return EXIT_FAILURE;
        });
        return cmd;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"SCIM Console " + version()};
        }
    }

    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
