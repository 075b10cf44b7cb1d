package app.scimconsole.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Entra tenant as a test plays it: RSA signing keys made with Nimbus, their public JWK set served over real HTTP
 * on loopback (counting each fetch), and client assertions signed like Entra's for workload identity federation.
 */
public final class EntraKeys implements AutoCloseable {
    public static final String TENANT = "11111111-2222-4333-8444-555555555555";
    public static final String OTHER_TENANT = "99999999-8888-4777-8666-555555555555";
    public static final String SUBJECT = "0a1b2c3d-0000-4000-8000-00000000abcd";
    public static final String AUDIENCE = "api://b5ba7a93-4452-4522-aeb4-a2b5da870c16";

    private final HttpServer server;
    private final List<RSAKey> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final Clock clock;

    public EntraKeys(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keys", ex -> {
            fetches.incrementAndGet();
            byte[] body;
            synchronized (published) {
                body = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                        .toString().getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A new RSA key pair; not published until {@link #publish}. */
    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public void publish(RSAKey key) {
        synchronized (published) {
            published.add(key);
        }
    }

    /** http://127.0.0.1:port/keys: accepted only with the development flag. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
    }

    public int fetches() {
        return fetches.get();
    }

    /** Claims as Entra sets them for the trust, valid from a minute ago for ten minutes, with a fresh jti. */
    public JWTClaimsSet.Builder claims() {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder().issuer(issuer(TENANT)).claim("tid", TENANT).subject(SUBJECT)
                .audience(AUDIENCE).issueTime(now).notBeforeTime(Date.from(clock.instant().minusSeconds(60)))
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    public static String issuer(String tenant) {
        return "https://login.microsoftonline.com/" + tenant + "/v2.0";
    }

    /** The claims signed RS256 with {@code key}, its kid in the header. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What Entra's provisioning service does: presents an assertion with this tenant's claims, signed with
     * {@code key}, at the token endpoint for the trust {@code clientId}; the token endpoint's answer.
     */
    public HttpResponse<String> obtainToken(String tokenEndpoint, RSAKey key, String clientId)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + sign(key, claims().build()) + "&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
