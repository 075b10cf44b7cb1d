package app.scimconsole.domains;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

/**
 * Sends single DNS queries straight to a chosen server, asynchronously, with no cache in between: what comes back
 * is what that server says right now. dnsjava's {@code Lookup} caches answers in a static cache, which would show
 * an old "not found" after the owner fixed the record, so it is not used here.
 */
final class DnsQuery {
    private static final int EDNS_PAYLOAD = 1232; // fits one unfragmented UDP packet; larger answers go over TCP

    private final Duration timeout;

    DnsQuery(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Asks {@code server} for {@code type} records at {@code name}. {@code recursive} sets the RD bit: on for a
     * resolver, off for an authoritative server so that it answers only from its own zone data.
     * The future never fails: a lost or unreachable server becomes an exchange with a failure.
     */
    CompletableFuture<DnsExchange> send(InetSocketAddress server, Name name, int type, boolean recursive) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!recursive) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        long start = System.nanoTime();
        return resolver.sendAsync(query).toCompletableFuture().handle((response, error) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (error == null) {
                return new DnsExchange(server, response, null, elapsed);
            }
            return new DnsExchange(server, null, isTimeout(error) ? DnsOutcome.TIMEOUT : DnsOutcome.NETWORK_ERROR,
                    elapsed);
        });
    }

    // dnsjava reports a lost packet either as a TimeoutException (wrapped) or as a SocketTimeoutException from
    // its NIO client, depending on the path taken.
    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
