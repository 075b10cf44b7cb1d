package app.scimconsole.console.common;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote,
 * a line break or leading/trailing spaces, with quotes doubled. Fields that a spreadsheet would run as a formula
 * (starting with =, +, - or @) are prefixed with an apostrophe.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static void write(Writer out, List<String> header, List<List<String>> rows) throws IOException {
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
        }
        out.flush();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        if ("=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || !v.equals(v.strip());
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
