package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.common.I18n;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
    final I18n i18n = I18n.forLocale(Locale.ENGLISH);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/scim/v2/t", "https://localhost/scim/v2/t", "https://10.1.2.3/x",
            "https://192.168.1.5/x", "https://172.20.0.1/x", "https://[::1]:8089/x", "https://[fd00::1]/x",
            "https://scim.corp.local/x", "https://intranet/x", "https://100.64.3.4/x", "https://169.254.0.9/x"})
    void localAddressesCannotBeReachedByEntra(String url) {
        Reachability r = Reachability.of(url, false, i18n);
        assertThat(r.level()).isEqualTo(Reachability.Level.WARNING);
        assertThat(r.text()).contains("Entra cannot reach");
        assertThat(r.reachable()).isFalse();
    }

    @Test
    void plainHttpIsNotEnough() {
        Reachability r = Reachability.of("http://scim.example.com/scim/v2/t", false, i18n);
        assertThat(r.level()).isEqualTo(Reachability.Level.WARNING);
        assertThat(r.text()).contains("not HTTPS");
    }

    @Test
    void aPublicHttpsAddressWorks() {
        Reachability r = Reachability.of("https://scim.example.com/scim/v2/t", false, i18n);
        assertThat(r.level()).isEqualTo(Reachability.Level.OK);
        assertThat(r.text()).contains("scim.example.com");
    }

    @Test
    void theEmbeddedServiceAlwaysSaysItAnswersOnlyWhileTheConsoleRuns() {
        Reachability r = Reachability.of("https://scim.example.com/scim/v2/t", true, i18n);
        assertThat(r.level()).isEqualTo(Reachability.Level.WARNING);
        assertThat(r.text()).contains("only while the console is open");
        assertThat(r.reachable()).as("the URL itself works for Entra").isTrue();
        assertThat(Reachability.of(null, true, i18n).reachable()).isFalse();
        assertThat(Reachability.of(null, true, i18n).text()).contains("not known yet");
    }
}
