package app.scimconsole.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The TLS a listener offers: TLS 1.3 and 1.2 only, and for TLS 1.2 exactly the cipher suites Microsoft
 * lists for Entra's provisioning client, in its order of preference (the server's order decides). Nothing
 * weaker (CBC with SHA-1, RSA key exchange, TLS 1.1) is offered.
 */
final class EntraTlsPolicy {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    static final List<String> TLS13_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    /** Microsoft's minimum list for Entra provisioning, in its order. */
    static final List<String> TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");

    private EntraTlsPolicy() {
    }

    /** Jetty's TLS for a listener, with the keys of {@code context} and this policy's protocols and suites. */
    static SslContextFactory.Server sslContextFactory(SSLContext context) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        factory.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
        // Jetty reads these as patterns: quoted, each matches only its own name, and the order is kept.
        factory.setIncludeCipherSuites(suites(context).stream().map(Pattern::quote)
                .toArray(String[]::new));
        factory.setUseCipherSuitesOrder(true);
        factory.setNeedClientAuth(false);
        return factory;
    }

    /** The suites offered: TLS 1.3's, then Entra's TLS 1.2 list, each only if this JDK supports it. */
    static List<String> suites(SSLContext context) {
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        List<String> suites = new ArrayList<>();
        for (String s : TLS13_SUITES) {
            if (supported.contains(s)) {
                suites.add(s);
            }
        }
        for (String s : TLS12_SUITES) {
            if (supported.contains(s)) {
                suites.add(s);
            }
        }
        return suites;
    }
}
