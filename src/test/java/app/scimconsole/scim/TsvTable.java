package app.scimconsole.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a tab-separated test table from the classpath. Cells are taken verbatim (filters are full of
 * backslashes, so there is no escape processing); blank lines and lines starting with '#' are skipped.
 */
final class TsvTable {
    private TsvTable() {
    }

    static List<Arguments> rows(String resource, int columns) {
        List<Arguments> rows = new ArrayList<>();
        String[] lines = read(resource).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns) {
                throw new IllegalStateException(resource + ":" + (i + 1) + " has " + cells.length
                        + " cells, expected " + columns + ": " + line);
            }
            Object[] args = Arrays.copyOf(cells, columns + 1, Object[].class);
            args[columns] = resource + ":" + (i + 1);
            rows.add(Arguments.of(args));
        }
        return rows;
    }

    private static String read(String resource) {
        try (InputStream in = TsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
