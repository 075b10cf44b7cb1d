package app.scimconsole.domains;

import java.util.Map;
import org.xbill.DNS.Name;

/**
 * Everything one source answered during a check: TXT answers per probed name, and the zone's SOA serial there.
 *
 * @param soaSerial null when not asked or not answered
 */
record SourceEvidence(String label, ServerRole role, Map<Name, TxtAnswer> answers, Long soaSerial) {
    SourceEvidence {
        answers = Map.copyOf(answers);
    }

    TxtAnswer answerFor(Name name) {
        return answers.get(name);
    }
}
