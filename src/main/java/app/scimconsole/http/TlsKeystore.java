package app.scimconsole.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The service's own TLS certificate and key, from a PKCS12 file, for deployments without a reverse proxy.
 * The password never comes from the command line (where any user could read it in the process list):
 * from a file, or from the environment.
 */
public final class TlsKeystore {
    public static final String PASSWORD_ENV = "SCIM_TLS_KEYSTORE_PASSWORD";

    private TlsKeystore() {
    }

    /** The password: the first line of {@code passwordFile} when given, else {@value #PASSWORD_ENV}. */
    public static char[] password(Path passwordFile, Map<String, String> env) throws IOException {
        if (passwordFile != null) {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            String line = eol < 0 ? text : text.substring(0, eol);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        }
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv == null) {
            throw new IllegalArgumentException("The TLS keystore needs its password: set " + PASSWORD_ENV
                    + " or pass --tls-keystore-password-file FILE.");
        }
        return fromEnv.toCharArray();
    }

    /**
     * Opens the keystore and checks that its key is one Entra accepts (RSA of 2048 bits or more, or EC of 256
     * bits or more) and its certificate is currently valid; every problem is a plain one-line reason.
     */
    public static SSLContext load(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            checkKey(store);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("The TLS keystore " + file + " does not exist.");
            }
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("The TLS keystore " + file + " could not be opened: wrong password.");
            }
            throw new IllegalArgumentException("The TLS keystore " + file + " could not be opened: it is not a PKCS12 file.");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The TLS keystore " + file + " could not be used: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            Certificate cert = store.getCertificate(alias);
            if (!(cert instanceof X509Certificate x509)) {
                continue;
            }
            PublicKey key = x509.getPublicKey();
            if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("The TLS key is RSA of " + rsa.getModulus().bitLength()
                        + " bits; Entra requires at least 2048.");
            }
            if (key instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() < 256) {
                throw new IllegalArgumentException("The TLS key is EC of " + ec.getParams().getOrder().bitLength()
                        + " bits; Entra requires at least 256.");
            }
            try {
                x509.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new IllegalArgumentException("The TLS certificate is valid only from " + x509.getNotBefore().toInstant()
                        + " to " + x509.getNotAfter().toInstant() + "; renew it.");
            }
            return;
        }
        throw new IllegalArgumentException("The TLS keystore holds no private key with its certificate.");
    }
}
