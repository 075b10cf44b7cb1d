package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --dns-server HOST:PORT}: what is read, and the reason when it is not a server. */
class DnsServerAddressTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.2        | 10.0.0.2  | 53",
        "10.0.0.2:5353   | 10.0.0.2  | 5353",
        "'[::1]:53'      | 0:0:0:0:0:0:0:1 | 53",
        "'[::1]'         | 0:0:0:0:0:0:0:1 | 53",
        "::1             | 0:0:0:0:0:0:0:1 | 53",
    })
    void readsHostAndPort(String text, String address, int port) {
        InetSocketAddress a = DnsServerAddress.parse(text);
        assertThat(a.getAddress().getHostAddress()).isEqualTo(address);
        assertThat(a.getPort()).isEqualTo(port);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "' '             | DNS_SERVER_EMPTY     |",
        "'[::1'          | DNS_SERVER_UNCLOSED  | [::1",
        "'[::1]x'        | DNS_SERVER_IPV6_FORM |",
        "10.0.0.2:0      | DNS_SERVER_BAD_PORT  | 10.0.0.2:0",
        "10.0.0.2:dns    | DNS_SERVER_BAD_PORT  | 10.0.0.2:dns",
        "no-such-host.invalid | DNS_SERVER_UNKNOWN | no-such-host.invalid",
    })
    void refusesWithAReason(String text, ReasonCode code, String arg) {
        assertThatThrownBy(() -> DnsServerAddress.parse(text)).isInstanceOfSatisfying(InvalidDnsServerException.class,
                e -> assertThat(e.reason()).isEqualTo(arg == null ? DomainReason.of(code) : DomainReason.of(code, arg)));
    }
}
