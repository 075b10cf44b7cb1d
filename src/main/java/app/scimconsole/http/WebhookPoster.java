package app.scimconsole.http;

import app.scimconsole.service.WebhookAddress;
import app.scimconsole.service.WebhookFailure;
import app.scimconsole.service.WebhookSignature;
import app.scimconsole.service.WebhookTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Posts webhook deliveries (Jetty's HTTP client): a time-out, no redirect followed (a 3xx is a failed delivery, never a
 * way to another host), no proxy, and only addresses the policy permits connected to: the client's one name resolver
 * ({@link PermittedAddresses}) resolves each name once and hands on only permitted addresses, the only ones the client
 * ever connects to. Which deliveries to post, and when, is the service's.
 */
public final class WebhookPoster implements WebhookTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int READ_AT_MOST = 16 * 1024;

    private final HttpClient http;

    public WebhookPoster(WebhookAddress policy) {
        this.http = OutboundHttp.started("webhook-poster", CONNECT_TIMEOUT,
                names -> new PermittedAddresses(names, policy::permits));
    }

    @Override
    public Outcome post(String url, String signature, byte[] body) {
        Request request = http.newRequest(URI.create(url)).method(HttpMethod.POST)
                .headers(h -> h.put(WebhookSignature.HEADER, signature))
                .body(new BytesRequestContent("application/json", body))
                .timeout(WebhookTransport.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            // only the status counts; a short body is read to its end so that the connection can carry the next delivery
            int status = OutboundHttp.send(request, READ_AT_MOST).status();
            return status >= 200 && status < 300 ? Outcome.ACKNOWLEDGED : Outcome.failed(WebhookFailure.ofStatus(status), status);
        } catch (PermittedAddresses.Refused e) {
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
            return Outcome.failed(WebhookFailure.TIMEOUT); // a socket's time-out, and the call's
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
        OutboundHttp.stop(http);
    }
}
