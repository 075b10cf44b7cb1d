package app.scimconsole.cli;

import app.scimconsole.directory.DataFolder;
import app.scimconsole.directory.Databases;
import app.scimconsole.directory.SqlDirectory;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes: where the data lives and whether to print JSON. */
final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: the per-user application-data folder).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Keep the directory in PostgreSQL instead of SQLite in the data folder, e.g. "
                    + "jdbc:postgresql://db.example.com:5432/scim (user and password from " + Databases.USER_ENV
                    + " and " + Databases.PASSWORD_ENV + ", or --db-password-file).")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File whose first line is the database password (never pass the password itself).")
    Path dbPasswordFile;

    @Option(names = "--json", description = "Print one JSON object on standard output.")
    boolean json;

    Path dataFolder() throws IOException {
        return DataFolder.ensure(data != null ? data : DataFolder.defaultLocation());
    }

    /** The directory: SQLite in the data folder, or the PostgreSQL database of {@code --db}. */
    SqlDirectory openDirectory() throws IOException {
        if (db == null || db.isBlank()) {
            return Databases.open(null, dataFolder(), dbPasswordFile, System.getenv());
        }
        return Databases.open(db, null, dbPasswordFile, System.getenv());
    }
}
