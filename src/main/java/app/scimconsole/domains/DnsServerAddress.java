package app.scimconsole.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Reads the {@code --dns-server HOST:PORT} option ({@code 10.0.0.2}, {@code 10.0.0.2:5353}, {@code [::1]:53}). */
public final class DnsServerAddress {
    private DnsServerAddress() {
    }

    /** Throws {@link InvalidDnsServerException} when the text is not a usable server. */
    public static InetSocketAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDnsServerException(ReasonCode.DNS_SERVER_EMPTY);
        }
        String s = text.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new InvalidDnsServerException(ReasonCode.DNS_SERVER_UNCLOSED, s);
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), s);
            } else if (!rest.isEmpty()) {
                throw new InvalidDnsServerException(ReasonCode.DNS_SERVER_IPV6_FORM);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1), s);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new InvalidDnsServerException(ReasonCode.DNS_SERVER_UNKNOWN, host);
        }
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal below
        }
        throw new InvalidDnsServerException(ReasonCode.DNS_SERVER_BAD_PORT, whole);
    }
}
