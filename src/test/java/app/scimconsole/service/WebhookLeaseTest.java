package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lease time an operator (or a test) sets in the environment, and the values refused. */
class WebhookLeaseTest {
    @Test
    void unsetIsTheDefaultAndWholeSecondsFromTheMinimumAreTaken() {
        assertThat(WebhookDelivery.leaseFrom(Map.of())).isEqualTo(WebhookDelivery.LEASE);
        assertThat(WebhookDelivery.leaseFrom(Map.of(WebhookDelivery.LEASE_ENV, " "))).isEqualTo(WebhookDelivery.LEASE);
        assertThat(WebhookDelivery.leaseFrom(Map.of(WebhookDelivery.LEASE_ENV, "20"))).isEqualTo(Duration.ofSeconds(20));
        assertThat(WebhookDelivery.leaseFrom(Map.of(WebhookDelivery.LEASE_ENV, "600"))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aLeaseNoLongerThanOneDeliveryMayTakeOrNotANumberIsRefused() {
        assertThat(WebhookDelivery.MIN_LEASE).isGreaterThan(WebhookTransport.CALL_TIMEOUT);
        for (String bad : new String[] {"19", "0", "-5", "1.5", "2m", "86401"}) {
            assertThatThrownBy(() -> WebhookDelivery.leaseFrom(Map.of(WebhookDelivery.LEASE_ENV, bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(WebhookDelivery.LEASE_ENV).hasMessageContaining("'" + bad + "'");
        }
    }
}
