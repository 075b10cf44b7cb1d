package app.scimconsole;

import app.scimconsole.cli.Cli;
import app.scimconsole.console.ConsoleApp;

/**
 * Entry point: no arguments opens the console; anything else is a command-line subcommand. Main does not extend
 * {@code javafx.application.Application}, so the classpath, jar and jpackage launches all work; JavaFX classes load
 * only when the console opens.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(ConsoleApp.launchConsole(args));
        }
        System.exit(Cli.run(args));
    }
}
