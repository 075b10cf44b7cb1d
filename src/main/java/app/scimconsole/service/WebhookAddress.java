package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhook deliveries may go: {@code https} to public addresses only, so that the service, reachable from the
 * internet, never becomes a way into the owner's network. Loopback (and plain {@code http} to loopback) is accepted
 * solely when the process runs with {@value KeySetAddress#DEV_LOOPBACK_HTTP}{@code =1} (tests and development), the
 * same flag as {@link KeySetAddress}. The name is checked when the endpoint is added, and every address actually
 * connected to is checked again at connect time ({@link #permits(InetAddress)}), so a name that later resolves to a
 * private address (DNS rebinding) is refused too.
 */
public record WebhookAddress(boolean devLoopbackHttp) {
    /** args: the address. */
    static final String INVALID = "admin.webhook.urlInvalid";
    /** args: the address. */
    static final String NOT_HTTPS = "admin.webhook.urlNotHttps";
    /** args: the address, the refused IP address. */
    static final String PRIVATE = "admin.webhook.urlPrivate";

    /** The policy of this process: loopback only with the development flag set in its environment. */
    public static WebhookAddress fromEnvironment() {
        return new WebhookAddress("1".equals(System.getenv(KeySetAddress.DEV_LOOPBACK_HTTP)));
    }

    /** Why a new endpoint at {@code address} is refused (its form, then each address its name resolves to); null: accepted. */
    Reason refusal(String address) {
        Reason form = formRefusal(address);
        if (form != null) {
            return form;
        }
        String host = URI.create(address).getHost();
        try {
            for (InetAddress ip : InetAddress.getAllByName(host)) {
                if (!permits(ip)) {
                    return Reason.of(PRIVATE, address, ip.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return null; // not resolvable now is no refusal: every connection is checked when it is made
        }
        return null;
    }

    /** Why {@code address} is refused by its form alone (scheme, host, no user info), without asking DNS; null: not. */
    Reason formRefusal(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException | NullPointerException e) {
            return Reason.of(INVALID, String.valueOf(address));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Reason.of(INVALID, address);
        }
        if (scheme.equals("http") && !(devLoopbackHttp && isLoopbackName(host))) {
            return Reason.of(NOT_HTTPS, address);
        }
        return null;
    }

    /**
     * Whether a delivery may connect to {@code ip}: a public unicast address (loopback too with the development flag).
     * Private, loopback, link-local, unique-local, carrier-grade NAT, multicast and unspecified addresses are not.
     */
    public boolean permits(InetAddress ip) {
        if (ip.isLoopbackAddress()) {
            return devLoopbackHttp;
        }
        if (ip.isAnyLocalAddress() || ip.isLinkLocalAddress() || ip.isSiteLocalAddress() || ip.isMulticastAddress()) {
            return false;
        }
        byte[] b = ip.getAddress();
        if (ip instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 198 && (second == 18 || second == 19)) && first < 224;
        }
        if (ip instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mapped = isV4Mapped(b);
            return !uniqueLocal && !mapped;
        }
        return false;
    }

    /** A v4-mapped IPv6 address Java did not turn into an IPv4 one: refused rather than judged twice. */
    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
