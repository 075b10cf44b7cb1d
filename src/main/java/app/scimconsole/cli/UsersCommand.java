package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.UserSummary;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code users list}: the provisioned users. */
@Command(name = "users", description = "Show provisioned users.", subcommands = UsersCommand.ListUsers.class)
final class UsersCommand extends CommandGroup {

    @Command(name = "list", description = "List provisioned users.")
    static final class ListUsers implements Callable<Integer> {
        private static final int PAGE = 1000;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            ObjectNode result = Output.object();
            ArrayNode users = result.putArray("users");
            StringBuilder text = new StringBuilder();
            try (SqlDirectory dir = common.openDirectory()) {
                String tenant = dir.defaultTenant().map(Directory.Tenant::id).orElse(null);
                Directory.Query all = new Directory.Query(null, null, false, 1, PAGE, false);
                Directory.Page page = null;
                while (tenant != null) {
                    // Each page after the first is sought next to the last one's row (keyset): a walk by offset
                    // and a count per page grew with the square of the number of users.
                    page = dir.query(tenant, ResourceType.USER, page == null ? all
                            : all.seeking(new Directory.Seek(page.last(), false)));
                    for (Directory.StoredResource r : page.resources()) {
                        UserSummary u = UserSummary.of(r);
                        ObjectNode o = users.addObject().put("id", u.id()).put("userName", u.userName());
                        o.put("displayName", u.displayName()).put("title", u.title())
                                .put("department", u.department()).put("email", u.email()).put("active", u.active());
                        text.append(String.format("%-40s %-28s %-10s %s%n", u.userName(), blank(u.displayName()),
                                u.active() ? "active" : "suspended", blank(u.email())));
                    }
                    if (!page.more()) {
                        break;
                    }
                }
            }
            new Output(System.out, common.json).print(result,
                    users.isEmpty() ? "No users have been provisioned yet." : text.toString().stripTrailing());
            return 0;
        }

        private static String blank(String s) {
            return s == null ? "" : s;
        }
    }
}
