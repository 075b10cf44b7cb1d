package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS without a reverse proxy, with self-signed certificates the test makes with the JDK's keytool: Entra's
 * TLS 1.2 suites are offered and negotiated, weaker ones are refused, and the tenant URL says https.
 */
@Timeout(120)
class TlsTest {
    private static final String PASSWORD = "test-keystore-password";

    @TempDir
    Path root;

    @Test
    void serveWithAnEcKeystoreSpeaksTls12WithEntrasSuitesAndPrintsAnHttpsTenantUrl() throws Exception {
        Path keystore = keystore("ec.p12", "-keyalg", "EC", "-groupname", "secp256r1");
        Path data = root.resolve("data");
        String token;
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            token = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        try (ServeProcess serve = ServeProcess.start(data, List.of(), Map.of(TlsKeystore.PASSWORD_ENV, PASSWORD),
                "--tls-keystore", keystore.toString())) {
            assertThat(serve.tenantUrl()).startsWith("https://127.0.0.1:");
            for (String suite : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384")) {
                SSLSession session = probe(serve.tenantUrl(), token, keystore, "TLSv1.2", suite);
                assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
                assertThat(session.getCipherSuite()).isEqualTo(suite);
            }
            // a client offering everything gets the first of Entra's list: the server's order decides
            assertThat(probe(serve.tenantUrl(), token, keystore, "TLSv1.2", null).getCipherSuite())
                    .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            assertThat(probe(serve.tenantUrl(), token, keystore, "TLSv1.3", null).getProtocol()).isEqualTo("TLSv1.3");
            assertThatThrownBy(() -> probe(serve.tenantUrl(), token, keystore, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"))
                    .as("a SHA-1 CBC suite is not offered").isInstanceOf(IOException.class);
            assertThat(serve.stop()).isIn(0, 143);
        }
    }

    @Test
    void anRsaKeystoreWithItsPasswordInAFileServesTheRsaSuites() throws Exception {
        Path keystore = keystore("rsa.p12", "-keyalg", "RSA", "-keysize", "2048");
        Path passwordFile = Files.writeString(root.resolve("password"), PASSWORD + "\n");
        SSLContext server = TlsKeystore.load(keystore, TlsKeystore.password(passwordFile, Map.of()));
        Path data = root.resolve("data");
        try (ServiceRuntime runtime = ServiceRuntime.start(SqliteDirectory.open(data),
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 4).withTls(server), "127.0.0.1:9",
                Clock.systemUTC())) {
            String token = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable().secretToken();
            String tenantUrl = runtime.server().tenantUrl(runtime.directory().defaultTenant().orElseThrow().id());
            assertThat(tenantUrl).startsWith("https://");
            for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")) {
                assertThat(probe(tenantUrl, token, keystore, "TLSv1.2", suite).getCipherSuite()).isEqualTo(suite);
            }
            assertThatThrownBy(() -> probe(tenantUrl, token, keystore, "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"))
                    .as("RSA key exchange (no forward secrecy) is not offered").isInstanceOf(IOException.class);
        }
    }

    @Test
    void tls12SuitesAreEntrasListInItsOrder() throws Exception {
        SslContextFactory.Server jetty = EntraTlsPolicy.sslContextFactory(SSLContext.getDefault());
        jetty.start();
        try {
            assertThat(jetty.getSelectedProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(jetty.getSelectedCipherSuites())
                    .filteredOn(s -> !s.startsWith("TLS_AES") && !s.startsWith("TLS_CHACHA20"))
                    .containsExactlyElementsOf(EntraTlsPolicy.TLS12_SUITES);
            assertThat(jetty.isUseCipherSuitesOrder()).isTrue();
        } finally {
            jetty.stop();
        }
    }

    @Test
    void keystoreProblemsAreOnePlainSentence() throws Exception {
        Path keystore = keystore("small.p12", "-keyalg", "RSA", "-keysize", "1024");
        assertThatThrownBy(() -> TlsKeystore.load(keystore, PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2048");
        assertThatThrownBy(() -> TlsKeystore.load(keystore, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> TlsKeystore.load(root.resolve("missing.p12"), PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        Path notAKeystore = Files.writeString(root.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TlsKeystore.load(notAKeystore, PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PKCS12 file");
        assertThatThrownBy(() -> TlsKeystore.password(null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TlsKeystore.PASSWORD_ENV);
        assertThat(TlsKeystore.password(null, Map.of(TlsKeystore.PASSWORD_ENV, "from-env"))).containsExactly("from-env".toCharArray());
    }

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private Path keystore(String name, String... keyOptions) throws Exception {
        Path file = root.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "scim", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD));
        cmd.addAll(List.of(keyOptions));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return file;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            source.load(in, PASSWORD.toCharArray());
        }
        Certificate cert = source.getCertificate("scim");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("scim", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /**
     * One authenticated GET over a fresh connection that offers only {@code protocol} and, if given, {@code suite};
     * a fresh client context each time, so that no TLS session is resumed with an earlier probe's suite.
     */
    private static SSLSession probe(String tenantUrl, String token, Path keystore, String protocol, String suite)
            throws Exception {
        SSLContext trusting = trusting(keystore);
        SSLParameters params = trusting.getDefaultSSLParameters();
        params.setProtocols(new String[] {protocol});
        if (suite != null) {
            params.setCipherSuites(new String[] {suite});
        }
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).sslParameters(params)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(tenantUrl + "/ServiceProviderConfig"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.sslSession().orElseThrow();
    }
}
