package app.scimconsole.cli;

import app.scimconsole.directory.DataFolder;
import app.scimconsole.directory.SqliteDirectory;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes: where the data lives and whether to print JSON. */
final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: the per-user application-data folder).")
    Path data;

    @Option(names = "--json", description = "Print one JSON object on standard output.")
    boolean json;

    Path dataFolder() throws IOException {
        return DataFolder.ensure(data != null ? data : DataFolder.defaultLocation());
    }

    SqliteDirectory openDirectory() throws IOException {
        return SqliteDirectory.open(dataFolder());
    }
}
