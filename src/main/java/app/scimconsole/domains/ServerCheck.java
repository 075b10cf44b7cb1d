package app.scimconsole.domains;

import java.util.List;

/**
 * One row of the per-server view: what one server said about the challenge name.
 *
 * @param server        who was asked, for example {@code ns1.example.net (192.0.2.1)}
 * @param authoritative the AA bit of the answer
 * @param hasRecord     the expected value is among the published values
 * @param values        the TXT values found at the challenge name
 * @param soaSerial     the zone's SOA serial on this server (shows which servers are behind), or null
 * @param millis        how long the answer took
 * @param summary       one plain sentence, for example "has the record" or "did not answer within 2 seconds"
 */
public record ServerCheck(String server, ServerRole role, DnsOutcome outcome, boolean authoritative,
        boolean hasRecord, List<String> values, Long soaSerial, long millis, String summary) {
    public ServerCheck {
        values = List.copyOf(values);
    }
}
