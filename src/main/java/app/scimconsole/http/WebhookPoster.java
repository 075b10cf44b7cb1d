package app.scimconsole.http;

import app.scimconsole.service.WebhookAddress;
import app.scimconsole.service.WebhookFailure;
import app.scimconsole.service.WebhookSignature;
import app.scimconsole.service.WebhookTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts webhook deliveries (OkHttp): a time-out, no redirect followed (a 3xx is a failed delivery, never a way to
 * another host), no proxy, and every socket checked at connect time against the address policy, on the address
 * actually connected to, whatever the name resolved to. Which deliveries to post, and when, is the service's.
 */
public final class WebhookPoster implements WebhookTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;

    public WebhookPoster(WebhookAddress policy) {
        this.http = new OkHttpClient.Builder().connectTimeout(CONNECT_TIMEOUT).callTimeout(WebhookTransport.CALL_TIMEOUT)
                .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY).socketFactory(new Guarded(policy)).build();
    }

    @Override
    public Outcome post(String url, String signature, byte[] body) {
        Request request = new Request.Builder().url(url).header(WebhookSignature.HEADER, signature)
                .post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            return status >= 200 && status < 300 ? Outcome.ACKNOWLEDGED : Outcome.failed(WebhookFailure.ofStatus(status), status);
        } catch (RefusedAddress e) {
            return Outcome.failed(WebhookFailure.ADDRESS_REFUSED, e.address);
        } catch (IOException e) {
            return failure(e);
        }
    }

    /**
     * What went wrong on the way, by the kind of failure; the detail is the exception's first line only (a TLS failure's
     * next lines list certificates), without the colon that introduced them.
     */
    static Outcome failure(IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("").strip().replaceFirst(":$", "");
        if (e instanceof InterruptedIOException) {
            return Outcome.failed(WebhookFailure.TIMEOUT); // a socket's time-out, and OkHttp's call time-out
        }
        if (e instanceof SSLException) {
            return Outcome.failed(WebhookFailure.TLS, detail);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return Outcome.failed(WebhookFailure.UNREACHABLE, e instanceof UnknownHostException
                    ? "unknown host " + detail : detail);
        }
        return Outcome.failed(WebhookFailure.OTHER, e.getClass().getSimpleName() + ": " + detail);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static final class RefusedAddress extends IOException {
        private final String address;

        RefusedAddress(InetAddress ip) {
            super("address refused: " + ip.getHostAddress());
            this.address = ip.getHostAddress();
        }
    }

    /** Plain sockets whose connect refuses an address the policy does not permit (TLS is layered on them). */
    private static final class Guarded extends SocketFactory {
        private final WebhookAddress policy;

        Guarded(WebhookAddress policy) {
            this.policy = policy;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    if (endpoint instanceof InetSocketAddress a && (a.getAddress() == null
                            || !policy.permits(a.getAddress()))) {
                        throw new RefusedAddress(a.getAddress() == null ? InetAddress.getByName("0.0.0.0")
                                : a.getAddress());
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress to) throws IOException {
            Socket s = createSocket();
            s.connect(to, (int) CONNECT_TIMEOUT.toMillis());
            return s;
        }
    }
}
