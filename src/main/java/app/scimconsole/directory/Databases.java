package app.scimconsole.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Opens the directory a command asked for: SQLite in the data folder by default, or PostgreSQL when given a
 * {@code jdbc:postgresql:} URL. The database password never travels on the command line: it comes from the
 * environment ({@value #USER_ENV}, {@value #PASSWORD_ENV}) or from the first line of a file.
 */
public final class Databases {
    public static final String USER_ENV = "SCIM_DB_USER";
    public static final String PASSWORD_ENV = "SCIM_DB_PASSWORD";
    public static final String POOL_ENV = "SCIM_DB_POOL_SIZE";
    private static final int DEFAULT_POOL = 10;

    private Databases() {
    }

    /**
     * {@code url} null or blank: SQLite in {@code dataFolder}. Otherwise a PostgreSQL JDBC URL; user and password
     * from {@code env}, the password from {@code passwordFile} when given.
     */
    public static SqlDirectory open(String url, Path dataFolder, Path passwordFile, Map<String, String> env)
            throws IOException {
        if (url == null || url.isBlank()) {
            if (passwordFile != null) {
                throw new IllegalArgumentException("--db-password-file needs --db jdbc:postgresql://...");
            }
            return SqliteDirectory.open(dataFolder);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db takes a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database).");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("Put the database password in " + PASSWORD_ENV
                    + " or --db-password-file, not in the URL (command lines are visible to other users).");
        }
        String password = passwordFile != null ? firstLine(passwordFile) : env.get(PASSWORD_ENV);
        int pool = DEFAULT_POOL;
        if (env.get(POOL_ENV) != null) {
            pool = Integer.parseInt(env.get(POOL_ENV).trim());
        }
        return PostgresDirectory.open(new PostgresDirectory.Settings(url, env.get(USER_ENV), password, pool));
    }

    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("The database password file " + file + " is empty.");
        }
        return lines.get(0);
    }
}
