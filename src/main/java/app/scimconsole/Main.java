package app.scimconsole;

import app.scimconsole.cli.Cli;

/** Entry point: no arguments opens the console; anything else is a command-line subcommand. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
