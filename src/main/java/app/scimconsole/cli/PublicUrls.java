package app.scimconsole.cli;

import app.scimconsole.http.ServiceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Whether Entra can reach the tenant URL a command prints. Entra's provisioning service calls from Microsoft's cloud
 * and only over HTTPS, so a URL made from this machine's listening address (no public URL set) or a plain-http one
 * is a URL it can never use, however right it looks.
 */
final class PublicUrls {
    private PublicUrls() {
    }

    /** The warning's key in the command line's bundle, when the service's base URL is not one Entra can reach. */
    static Optional<String> unreachableByEntra(ServiceConfig config) {
        if (config.publicUrl() == null) {
            return Optional.of("tenantUrl.warning.local");
        }
        if (!config.publicUrl().regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.of("tenantUrl.warning.notHttps");
        }
        return Optional.empty();
    }

    /** A public URL as given, once it is an absolute http(s) address with a host; otherwise a usage error. */
    static String checked(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && u.getHost() != null && u.getRawQuery() == null && u.getRawFragment() == null) {
                return u.toString();
            }
        } catch (URISyntaxException e) {
            // falls through to the one message for every malformed address
        }
        throw new IllegalArgumentException(Texts.text("publicUrl.invalid", url));
    }
}
