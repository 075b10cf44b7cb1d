package app.scimconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: subcommands of {@code scim-console}. */
@Command(name = "scim-console", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "SCIM 2.0 provisioning service for Microsoft Entra ID, with a desktop console.")
public final class Cli implements Runnable {

    public static int run(String[] args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"SCIM Console " + (v == null ? "development build" : v)};
        }
    }
}
