package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import org.junit.jupiter.api.Test;

/** A delivery's failure is kept as data and read back as it was written; text from before the codes reads as OTHER. */
class WebhookFailureTest {
    @Test
    void aFailureReadsBackAsItWasKept() {
        Reason tls = Reason.of(WebhookFailure.TLS, "Hostname hook.example.com not verified:");
        assertThat(WebhookFailure.decode(WebhookFailure.encode(tls))).isEqualTo(tls);
        assertThat(WebhookFailure.decode(WebhookFailure.encode(Reason.of(WebhookFailure.TIMEOUT))))
                .isEqualTo(Reason.of(WebhookFailure.TIMEOUT));
        assertThat(WebhookFailure.encode(null)).isNull();
        assertThat(WebhookFailure.decode(null)).isNull();
    }

    @Test
    void textRecordedBeforeTheCodesIsShownByItsFirstLine() {
        assertThat(WebhookFailure.decode("SSLPeerUnverifiedException: Hostname x not verified:\n    certificate: sha256/a"))
                .isEqualTo(Reason.of(WebhookFailure.OTHER, "SSLPeerUnverifiedException: Hostname x not verified:"));
        assertThat(WebhookFailure.decode("HTTP 503")).isEqualTo(Reason.of(WebhookFailure.OTHER, "HTTP 503"));
        assertThat(WebhookFailure.decode("{not json")).isEqualTo(Reason.of(WebhookFailure.OTHER, "{not json"));
    }
}
