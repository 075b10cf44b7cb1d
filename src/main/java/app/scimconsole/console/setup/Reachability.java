package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether Entra (in Microsoft's cloud) can reach a tenant URL: it needs a public host name over HTTPS. Judged from
 * the URL alone, without network access, so it is instant and testable. {@code reachable} is false when the URL itself
 * can never work for Entra (unknown, invalid, local, plain HTTP); the level is a warning also for a public URL of the
 * embedded service, which answers only while the console is open.
 */
public record Reachability(Level level, String text, boolean reachable) {
    public enum Level { OK, WARNING }

    public static Reachability of(String tenantUrl, boolean embedded, I18n i18n) {
        String suffix = embedded ? " " + i18n.text("reach.embeddedNote") : "";
        if (tenantUrl == null || tenantUrl.isBlank()) {
            return new Reachability(Level.WARNING, i18n.text("reach.unknown") + suffix, false);
        }
        URI uri;
        try {
            uri = URI.create(tenantUrl.strip());
        } catch (IllegalArgumentException e) {
            return new Reachability(Level.WARNING, i18n.text("reach.invalid") + suffix, false);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (isLocal(host)) {
            return new Reachability(Level.WARNING, i18n.text("reach.local", host) + suffix, false);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return new Reachability(Level.WARNING, i18n.text("reach.http") + suffix, false);
        }
        return new Reachability(embedded ? Level.WARNING : Level.OK, i18n.text("reach.public", host) + suffix, true);
    }

    /** Loopback, private, link-local and {@code .local}/{@code .internal}/{@code .lan} names. */
    static boolean isLocal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty() || h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local")
                || h.endsWith(".internal") || h.endsWith(".lan") || h.endsWith(".home.arpa") || !h.contains(".") && !h.contains(":")) {
            return true;
        }
        if (!isIpLiteral(h)) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h); // a literal: no DNS lookup
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || isUniqueLocalV6(a) || isSharedV4(a);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String h) {
        return h.matches("[0-9.]+") || h.contains(":");
    }

    private static boolean isUniqueLocalV6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isSharedV4(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10 (carrier-grade NAT)
    }
}
