package app.scimconsole.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The TLS a SCIM listener offers: TLS 1.3 and 1.2 only, and for TLS 1.2 exactly the cipher suites Microsoft
 * lists for Entra's provisioning client, in its order of preference (the server's order decides). Nothing
 * weaker (CBC with SHA-1, RSA key exchange, TLS 1.1) is offered.
 */
final class EntraTlsPolicy extends HttpsConfigurator {
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

    EntraTlsPolicy(SSLContext context) {
        super(context);
    }

    @Override
    public void configure(HttpsParameters params) {
        params.setSSLParameters(parameters(getSSLContext()));
    }

    static SSLParameters parameters(SSLContext context) {
        SSLParameters p = context.getDefaultSSLParameters();
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
        p.setProtocols(PROTOCOLS.toArray(String[]::new));
        p.setCipherSuites(suites.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        p.setNeedClientAuth(false);
        return p;
    }
}
