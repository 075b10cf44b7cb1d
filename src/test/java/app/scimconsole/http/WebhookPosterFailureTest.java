package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import app.scimconsole.service.WebhookFailure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** A failed delivery is recorded by its kind, with the first line of what the network said, never a whole dump. */
class WebhookPosterFailureTest {
    @Test
    void eachKindOfFailureHasItsCode() {
        assertThat(WebhookPoster.failure(new SSLPeerUnverifiedException(
                "Hostname hook.example.com not verified:\n    certificate: sha256/abc=\n    DN: CN=other")).failure())
                .isEqualTo(Reason.of(WebhookFailure.TLS, "Hostname hook.example.com not verified"));
        assertThat(WebhookPoster.failure(new SSLHandshakeException("PKIX path building failed")).failure().code())
                .isEqualTo(WebhookFailure.TLS);
        assertThat(WebhookPoster.failure(new SocketTimeoutException("Read timed out")).failure())
                .isEqualTo(Reason.of(WebhookFailure.TIMEOUT));
        assertThat(WebhookPoster.failure(new InterruptedIOException("timeout")).failure())
                .as("an interrupted wait").isEqualTo(Reason.of(WebhookFailure.TIMEOUT));
        assertThat(WebhookPoster.failure(OutboundHttp.why(new java.util.concurrent.ExecutionException(
                new java.util.concurrent.TimeoutException("Total timeout 15000 ms elapsed")))).failure())
                .as("Jetty's call time-out, as the client reports it").isEqualTo(Reason.of(WebhookFailure.TIMEOUT));
        assertThat(WebhookPoster.failure(OutboundHttp.why(new IOException(new ConnectException("Connection refused"))))
                .failure()).as("a failure Jetty wrapped on the way").isEqualTo(Reason.of(WebhookFailure.UNREACHABLE,
                        "Connection refused"));
        assertThat(WebhookPoster.failure(new ConnectException("Connection refused")).failure())
                .isEqualTo(Reason.of(WebhookFailure.UNREACHABLE, "Connection refused"));
        assertThat(WebhookPoster.failure(new UnknownHostException("hook.example.com")).failure())
                .isEqualTo(Reason.of(WebhookFailure.UNREACHABLE, "unknown host hook.example.com"));
        assertThat(WebhookPoster.failure(new EOFException()).failure())
                .isEqualTo(Reason.of(WebhookFailure.OTHER, "EOFException: EOFException"));
        assertThat(WebhookPoster.failure(new ConnectException("x")).acknowledged()).isFalse();
    }

    @Test
    void theCodeOfAnAnswerThatIsNot2xx() {
        assertThat(WebhookFailure.ofStatus(503)).isEqualTo(WebhookFailure.SERVER_ERROR);
        assertThat(WebhookFailure.ofStatus(302)).isEqualTo(WebhookFailure.REDIRECT);
        assertThat(WebhookFailure.ofStatus(401)).isEqualTo(WebhookFailure.REFUSED);
        assertThat(WebhookFailure.ofStatus(101)).isEqualTo(WebhookFailure.REFUSED);
    }
}
