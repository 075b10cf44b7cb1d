package app.scimconsole.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;

/**
 * Where the SCIM listener writes one line per request: standard output (under {@code serve}, where journald keeps
 * it) or a file per day in a folder (under the console). A line holds the time (UTC), the client's address (a trusted
 * proxy's forwarded one, see {@link TrustedProxies}), the method, the path (with the tenant id), the status, the
 * bytes sent (headers included), the milliseconds taken and the User-Agent; never the query string (a filter can
 * carry a person's name or address) and no request header but the User-Agent, so never a token.
 *
 * @param folder where the daily files go, or null for standard output
 */
public record AccessLog(Path folder) {
    static final String FORMAT = "%{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'|UTC}t %{client}a \"%m %U\" %s %O %{ms}T"
            + " \"%{User-Agent}i\"";
    /** Daily files kept this long, then deleted by the writer. */
    static final int RETAIN_DAYS = 30;
    static final String FILE_PATTERN = "access-yyyy_mm_dd.log";

    public static AccessLog toStandardOutput() {
        return new AccessLog(null);
    }

    public static AccessLog dailyFilesIn(Path folder) {
        return new AccessLog(folder);
    }

    /** A fresh log for one listener; the listener starts and stops it. */
    RequestLog requestLog() throws IOException {
        if (folder == null) {
            return new CustomRequestLog(line -> System.out.println(line), FORMAT);
        }
        Files.createDirectories(folder);
        RequestLogWriter writer = new RequestLogWriter(folder.resolve(FILE_PATTERN).toString());
        writer.setAppend(true);
        writer.setRetainDays(RETAIN_DAYS);
        writer.setTimeZone("UTC");
        return new CustomRequestLog(writer, FORMAT);
    }
}
