package app.scimconsole.domains;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One TXT record's value: its character-strings joined, as raw bytes. A value longer than 255 bytes is split into
 * several strings of one record, so joining is how the published value is read back; comparing bytes (not
 * dnsjava's escaped presentation text) keeps quotes, backslashes and non-ASCII exactly as published.
 */
public final class TxtValue {
    private final byte[] bytes;

    private TxtValue(byte[] bytes) {
        this.bytes = bytes;
    }

    static TxtValue joined(List<byte[]> strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : strings) {
            out.writeBytes(s);
        }
        return new TxtValue(out.toByteArray());
    }

    static TxtValue of(String text) {
        return new TxtValue(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean hasBytes(byte[] expected) {
        return Arrays.equals(bytes, expected);
    }

    /** The value as text (invalid UTF-8 shown with replacement characters), for people to read. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxtValue v && Arrays.equals(v.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
