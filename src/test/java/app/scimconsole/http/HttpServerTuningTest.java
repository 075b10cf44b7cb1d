package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JDK server limits are in place once a listener exists, unless the operator chose others with -D. */
class HttpServerTuningTest extends ScimServiceTestBase {
    @Test
    void timeoutsAndConnectionLimitsAreSetBeforeTheServerStarts() {
        for (Map.Entry<String, String> d : HttpServerTuning.DEFAULTS.entrySet()) {
            assertThat(System.getProperty(d.getKey())).as(d.getKey()).isNotNull();
        }
        assertThat(Long.parseLong(System.getProperty("sun.net.httpserver.maxReqTime"))).isPositive();
        assertThat(Long.parseLong(System.getProperty("sun.net.httpserver.maxRspTime"))).isPositive();
    }
}
