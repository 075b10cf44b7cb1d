package app.scimconsole.domains;

import java.util.Map;
import org.xbill.DNS.Name;

/**
 * Everything one source answered during a check: TXT answers per probed name, and the zone's SOA serial there.
 *
 * @param label     who it is, as a {@code SERVER_…} reason
 * @param name      the same without words, for lists of servers (see {@link NameServer#name()})
 * @param host      the host name an NS record lists for it; null for a source known by address only, or a file
 * @param target    the CNAME target this source was asked about, as a server of the target's zone; null when it was
 *                  asked about the challenge name
 * @param zone      the zone it was asked as a server of (the target's zone when {@code target} is set); null for this
 *                  computer's resolver and a zone file
 * @param soaSerial null when not asked or not answered (the serial of the target's zone when {@code target} is set)
 */
record SourceEvidence(DomainReason label, String name, String host, ServerRole role, Name target, Name zone,
        Map<Name, TxtAnswer> answers, Long soaSerial) {
    SourceEvidence {
        answers = Map.copyOf(answers);
    }

    TxtAnswer answerFor(Name name) {
        return answers.get(name);
    }
}
