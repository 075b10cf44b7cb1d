package app.scimconsole.domains;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.Message;

/**
 * One query sent to one server: the response, or why there was none, and how long it took.
 *
 * @param response null when {@code failure} is set
 * @param failure  {@link DnsOutcome#TIMEOUT} or {@link DnsOutcome#NETWORK_ERROR} when there was no response
 */
record DnsExchange(InetSocketAddress server, Message response, DnsOutcome failure, Duration elapsed) {
}
