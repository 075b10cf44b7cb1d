package app.scimconsole.http;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The service settings remembered in the data folder ({@code service.properties}), so that the tenant
 * URL that {@code scim enable} prints is the one {@code serve} will answer on.
 */
public final class SavedServiceConfig {
    static final String FILE = "service.properties";

    private SavedServiceConfig() {
    }

    public static ServiceConfig load(Path dataFolder) throws IOException {
        ServiceConfig d = ServiceConfig.defaults();
        Path file = dataFolder.resolve(FILE);
        if (!Files.exists(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        int port;
        try {
            port = Integer.parseInt(p.getProperty("port", Integer.toString(d.port())).trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": 'port' is not a number");
        }
        return new ServiceConfig(p.getProperty("bind", d.bindAddress()).trim(), port, p.getProperty("publicUrl"),
                d.maxBodyBytes(), d.threads());
    }

    public static void save(Path dataFolder, ServiceConfig c) throws IOException {
        Properties p = new Properties();
        p.setProperty("bind", c.bindAddress());
        p.setProperty("port", Integer.toString(c.port()));
        if (c.publicUrl() != null) {
            p.setProperty("publicUrl", c.publicUrl());
        }
        Path tmp = Files.createTempFile(dataFolder, FILE, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "SCIM Console service settings");
        }
        Files.move(tmp, dataFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
