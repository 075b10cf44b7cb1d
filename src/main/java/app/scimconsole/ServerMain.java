package app.scimconsole;

import app.scimconsole.cli.Cli;

/**
 * Entry point of the headless service's own launcher ({@code scim-console-server}, a jpackage {@code --add-launcher}
 * beside the console's): always {@code serve}, with the options given, never the console or another subcommand. It
 * exists so that the service runs with JVM options of its own (a long-running server's: C2 on, its heap and
 * collector) while the console's launcher keeps the options that make its window show sooner (README, "Run as a
 * server").
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code serve} with {@code args} as its options; returns the exit code. */
    static int run(String[] args) {
        String[] serve = new String[args.length + 1];
        serve[0] = "serve";
        System.arraycopy(args, 0, serve, 1, args.length);
        return Cli.run(serve);
    }
}
