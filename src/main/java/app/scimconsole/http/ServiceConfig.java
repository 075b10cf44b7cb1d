package app.scimconsole.http;

import javax.net.ssl.SSLContext;

/**
 * How the service listens and how it names itself. {@code publicUrl} is what Entra is given (the
 * reverse proxy's HTTPS address in production); when null the local listening address is used.
 * {@code tls}, when set, makes the listener itself speak HTTPS (deployments without a reverse proxy).
 * {@code accessLog}, when set, is where the SCIM listener logs each request; {@code trustedProxies} are the peers
 * whose {@code Forwarded} / {@code X-Forwarded-*} headers name the real client.
 */
public record ServiceConfig(String bindAddress, int port, String publicUrl, int maxBodyBytes, int threads,
        ServiceLimits limits, SSLContext tls, AccessLog accessLog, TrustedProxies trustedProxies) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8089;
    public static final int DEFAULT_MAX_BODY = 1 << 20;
    public static final int DEFAULT_THREADS = 16;

    public ServiceConfig {
        if (publicUrl != null) {
            publicUrl = publicUrl.strip();
            while (publicUrl.endsWith("/")) {
                publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
            }
            if (publicUrl.isEmpty()) {
                publicUrl = null;
            }
        }
        if (limits == null) {
            limits = ServiceLimits.defaults();
        }
        if (trustedProxies == null) {
            trustedProxies = TrustedProxies.loopback();
        }
    }

    /** Plain HTTP with the default limits. */
    public ServiceConfig(String bindAddress, int port, String publicUrl, int maxBodyBytes, int threads) {
        this(bindAddress, port, publicUrl, maxBodyBytes, threads, ServiceLimits.defaults(), null, null, null);
    }

    public static ServiceConfig defaults() {
        return new ServiceConfig(DEFAULT_BIND, DEFAULT_PORT, null, DEFAULT_MAX_BODY, DEFAULT_THREADS);
    }

    public ServiceConfig withPort(int newPort) {
        return new ServiceConfig(bindAddress, newPort, publicUrl, maxBodyBytes, threads,
                limits, tls, accessLog, trustedProxies);
    }

    public ServiceConfig withPublicUrl(String url) {
        return new ServiceConfig(bindAddress, port, url, maxBodyBytes, threads, limits, tls, accessLog, trustedProxies);
    }

    public ServiceConfig withLimits(ServiceLimits newLimits) {
        return new ServiceConfig(bindAddress, port, publicUrl, maxBodyBytes, threads,
                newLimits, tls, accessLog, trustedProxies);
    }

    public ServiceConfig withThreads(int newThreads) {
        return new ServiceConfig(bindAddress, port, publicUrl, maxBodyBytes, newThreads,
                limits, tls, accessLog, trustedProxies);
    }

    public ServiceConfig withTls(SSLContext context) {
        return new ServiceConfig(bindAddress, port, publicUrl, maxBodyBytes, threads,
                limits, context, accessLog, trustedProxies);
    }

    public ServiceConfig withAccessLog(AccessLog log) {
        return new ServiceConfig(bindAddress, port, publicUrl, maxBodyBytes, threads, limits, tls, log, trustedProxies);
    }

    public ServiceConfig withTrustedProxies(TrustedProxies proxies) {
        return new ServiceConfig(bindAddress, port, publicUrl, maxBodyBytes, threads, limits, tls, accessLog, proxies);
    }

    /** The URL clients use: the public URL, else the listening address. */
    public String baseUrl() {
        if (publicUrl != null) {
            return publicUrl;
        }
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "localhost";
        }
        return (tls != null ? "https://" : "http://") + host + ":" + port;
    }

    public String tenantUrl(String tenantId) {
        return baseUrl() + ScimEndpoint.PREFIX + tenantId;
    }

    /** The tenant's pull feed of directory events, for an app that holds one of its reader credentials. */
    public String eventsUrl(String tenantId) {
        return baseUrl() + EventsEndpoint.PREFIX + tenantId;
    }

    /** The tenant's OAuth 2.0 authorization server (RFC 8414 issuer), beside its tenant URL. */
    public String oauthIssuer(String tenantId) {
        return baseUrl() + OAuthEndpoint.PREFIX + tenantId;
    }

    /** Where Entra obtains access tokens for the tenant (its "Token Endpoint" field). */
    public String tokenEndpoint(String tenantId) {
        return oauthIssuer(tenantId) + "/token";
    }
}
