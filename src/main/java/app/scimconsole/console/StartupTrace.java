package app.scimconsole.console;

import java.util.Locale;
import java.util.Optional;

/**
 * One line on standard error at each milestone of the console's start, for the first-paint benchmark and for anyone
 * asking why a start is slow: {@code scim-console startup: first-frame at=1733525123456}, where {@code at} is the
 * wall clock in epoch milliseconds (so a reader that sees the line late still gets the right time). Printed only when
 * the environment variable {@value #ENV} is {@code 1} or the system property {@value #PROPERTY} is {@code true}; a
 * user's start prints nothing.
 */
public final class StartupTrace {
    public static final String ENV = "SCIM_CONSOLE_STARTUP_TRACE";
    public static final String PROPERTY = "scimconsole.startupTrace";
    /** The first frame of the main window was shown: the stage is showing and its first pulse has been laid out. */
    public static final String FIRST_FRAME = "first-frame";
    /** The opening section's page, built after the first frame, has been laid out and handed to the renderer. */
    public static final String FIRST_SCREEN = "first-screen";
    /** The embedded service (or the remote one) answered: the console is connected. */
    public static final String SERVICE_READY = "service-ready";
    /** The service could not be opened; the window says why. */
    public static final String SERVICE_FAILED = "service-failed";

    static final String PREFIX = "scim-console startup: ";

    private StartupTrace() {
    }

    /** A milestone read back from a line of the console's standard error. */
    public record Marker(String event, long epochMillis) {
    }

    public static boolean enabled() {
        return "1".equals(System.getenv(ENV)) || Boolean.getBoolean(PROPERTY);
    }

    /** Prints the milestone {@code event} with the current time, when tracing is on. */
    public static void mark(String event) {
        if (enabled()) {
            System.err.println(line(event, System.currentTimeMillis()));
            System.err.flush();
        }
    }

    static String line(String event, long epochMillis) {
        return PREFIX + event + " at=" + epochMillis;
    }

    /** The milestone on {@code line}, or empty when the line is anything else (a log line, a warning). */
    public static Optional<Marker> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        int start = line.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        String[] parts = line.substring(start + PREFIX.length()).trim().split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || !parts[1].startsWith("at=")) {
            return Optional.empty();
        }
        try {
            long at = Long.parseLong(parts[1].substring(3));
            return at > 0 ? Optional.of(new Marker(parts[0].toLowerCase(Locale.ROOT), at)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
