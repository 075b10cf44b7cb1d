package app.scimconsole.cli;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.service.AdminCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code admin issue-credential | revoke-credentials}: access for a console that connects to a headless service. */
@Command(name = "admin", description = "Credentials for consoles that connect to this headless service.",
        subcommands = {AdminCommand.Issue.class, AdminCommand.Revoke.class})
final class AdminCommand extends CommandGroup {

    @Command(name = "issue-credential", description = "Issue an admin credential for a remote console (shown once).")
    static final class Issue implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--label", paramLabel = "TEXT", description = "Whose console it is, for your own records.")
        String label;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                String credential = new AdminCredentials(dir).issue(label);
                new Output(System.out, common.json).print(Output.object().put("adminCredential", credential),
                        Texts.text("admin.credential.issued", credential));
            }
            return 0;
        }
    }

    @Command(name = "revoke-credentials", description = "Revoke every issued admin credential.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                int n = new AdminCredentials(dir).revokeAll();
                new Output(System.out, common.json).print(Output.object().put("revoked", n),
                        n + " admin credential(s) revoked.");
            }
            return 0;
        }
    }
}
