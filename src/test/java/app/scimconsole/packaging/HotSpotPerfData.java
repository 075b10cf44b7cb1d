package app.scimconsole.packaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The string counters a running HotSpot JVM publishes about itself in its performance data file
 * ({@code hsperfdata_<user>/<pid>} in the temp folder; what {@code jps -v} reads), e.g. {@code java.rt.vmArgs}: the
 * options the JVM was started with, as it received them from its launcher. Read from the file, so the process under
 * test needs no management module (the packaged runtime has none) and no attach. Format: HotSpot's
 * {@code perfMemory.hpp}, version 2 (a prologue, then entries of a header, a name and the data).
 */
final class HotSpotPerfData {
    private static final int MAGIC = 0xcafec0c0;
    private static final byte TYPE_BYTE = 'B';

    private HotSpotPerfData() {
    }

    /** The JVM's own file: HotSpot writes it under /tmp on Linux, under the user's temp folder elsewhere. */
    static Path file(long pid) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path temp = os.contains("linux") ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        return temp.resolve("hsperfdata_" + System.getProperty("user.name")).resolve(Long.toString(pid));
    }

    /** Every string counter in the file, by name. */
    static Map<String, String> strings(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
        if (buffer.getInt(0) != MAGIC) {
            throw new IOException(file + " is not a HotSpot performance data file");
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (buffer.get(5) != 2) {
            throw new IOException(file + ": performance data version " + buffer.get(5) + ", only 2 is read here");
        }
        int entry = buffer.getInt(24);
        int count = buffer.getInt(28);
        Map<String, String> strings = new HashMap<>();
        for (int i = 0; i < count && entry > 0 && entry < buffer.limit(); i++) {
            int length = buffer.getInt(entry);
            int vectorLength = buffer.getInt(entry + 8);
            if (buffer.get(entry + 12) == TYPE_BYTE && vectorLength > 0) {
                String name = text(buffer, entry + buffer.getInt(entry + 4), Integer.MAX_VALUE);
                strings.put(name, text(buffer, entry + buffer.getInt(entry + 16), vectorLength));
            }
            if (length <= 0) {
                break;
            }
            entry += length;
        }
        return strings;
    }

    /** The NUL-terminated text at {@code start}, at most {@code max} bytes. */
    private static String text(ByteBuffer buffer, int start, int max) {
        int end = start;
        while (end < buffer.limit() && end - start < max && buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
