package app.scimconsole.cli;

import app.scimconsole.admin.AdminJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** Prints a command's result: a JSON object with {@code --json}, else lines meant for people. */
final class Output {
    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    static ObjectNode object() {
        return AdminJson.MAPPER.createObjectNode();
    }

    boolean json() {
        return json;
    }

    void print(ObjectNode result, String humanText) {
        if (json) {
            out.println(AdminJson.MAPPER.valueToTree(result).toString());
        } else {
            out.println(humanText);
        }
        out.flush();
    }
}
