package app.scimconsole.domains;

import java.util.List;

/**
 * One row of the per-server view: what one server said about the challenge name.
 *
 * @param server        who was asked: a {@code SERVER_…} reason, e.g. {@code ns1.example.net (192.0.2.1)}
 * @param authoritative the AA bit of the answer
 * @param hasRecord     the expected value is among the published values
 * @param values        the TXT values found at the challenge name
 * @param soaSerial     the zone's SOA serial on this server (shows which servers are behind), or null
 * @param millis        how long the answer took
 * @param answer        what it said: an {@code ANSWER_…} reason, e.g. "has the record"
 * @param cnameTarget   the CNAME target it was asked about, as a server of the target's zone; null when it was asked
 *                      about the challenge name
 */
public record ServerCheck(DomainReason server, ServerRole role, DnsOutcome outcome, boolean authoritative,
        boolean hasRecord, List<String> values, Long soaSerial, long millis, DomainReason answer, String cnameTarget) {
    public ServerCheck {
        values = List.copyOf(values);
    }
}
