package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a federation trust's signing keys may be fetched from: an {@code https} address, Microsoft's by default. A
 * loopback host, and plain {@code http} on loopback only, are accepted solely when the process runs with
 * {@value #DEV_LOOPBACK_HTTP}{@code =1} (tests and development): in production the keys that decide who may
 * provision must come over an authenticated channel from a host the owner named.
 */
public record KeySetAddress(boolean devLoopbackHttp) {
    public static final String DEV_LOOPBACK_HTTP = "SCIM_CONSOLE_DEV_LOOPBACK_HTTP";
    /** args: the address. */
    static final String NOT_HTTPS = "admin.federation.keysUrlNotHttps";
    /** args: the address. */
    static final String LOOPBACK = "admin.federation.keysUrlLoopback";
    /** args: the address. */
    static final String INVALID = "admin.federation.keysUrlInvalid";

    /** The policy of this process: loopback {@code http} only with the development flag set in its environment. */
    public static KeySetAddress fromEnvironment() {
        return new KeySetAddress("1".equals(System.getenv(DEV_LOOPBACK_HTTP)));
    }

    /** Microsoft's published keys of an Entra tenant. */
    public static String entraDefault(String entraTenant) {
        return "https://login.microsoftonline.com/" + entraTenant + "/discovery/v2.0/keys";
    }

    /** The address if this policy accepts it; otherwise throws the reason as a {@link FederationInputException}. */
    public URI require(String address) {
        Reason refused = refusal(address);
        if (refused != null) {
            throw new FederationInputException(refused, "The keys URL " + address + " is not accepted: "
                    + switch (refused.code()) {
                        case NOT_HTTPS -> "it must start with https://.";
                        case LOOPBACK -> "a loopback address is only accepted with " + DEV_LOOPBACK_HTTP + "=1.";
                        default -> "it is not an absolute https:// address.";
                    });
        }
        return URI.create(address);
    }

    /** Why this policy refuses the address, or null when it accepts it. */
    Reason refusal(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException | NullPointerException e) {
            return Reason.of(INVALID, address);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Reason.of(INVALID, address);
        }
        boolean loopback = isLoopback(host);
        if (loopback && !devLoopbackHttp) {
            return Reason.of(LOOPBACK, address);
        }
        if (scheme.equals("http") && !(loopback && devLoopbackHttp)) {
            return Reason.of(NOT_HTTPS, address);
        }
        return null;
    }

    /** A loopback name or literal, judged without asking DNS (a name that resolves to loopback is not one here). */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
