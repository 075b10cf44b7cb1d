package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.Name;

/**
 * A warning for each name server that gave no usable answer: which server, and what happened to it. Without it a
 * verdict reached on the other servers reads as if this one lacked the record, and a server that is down or no
 * longer serves the zone goes unnoticed until the others fail too. Each warning names the zone the server was asked
 * as a server of and the name it was asked about: along a CNAME chain the servers of several zones are asked, and
 * the owner must know which DNS host to turn to (the domain's own, or the one a hop of the chain is delegated to).
 */
final class SilentServers {
    private SilentServers() {
    }

    /**
     * @param challenge the challenge name, which the sources without a CNAME target were asked about
     * @param answerOf  the answer that decides for a source (its challenge name, or the CNAME target it was asked)
     */
    static List<Diagnosis> of(List<SourceEvidence> sources, Name challenge,
            Function<SourceEvidence, TxtAnswer> answerOf) {
        List<Diagnosis> warnings = new ArrayList<>();
        for (SourceEvidence s : sources) {
            // Only a zone's own name servers can be down or lame; a --dns-server's failure is the summary itself.
            if (s.role().mustBeAuthoritative()) {
                Name asked = s.target() == null ? challenge : s.target();
                // A zone's server is always asked with its zone known; the name asked stands in should one not be.
                String zone = (s.zone() == null ? asked : s.zone()).toString(true);
                Diagnosis warning = warning(s.name(), zone, asked.toString(true), answerOf.apply(s));
                if (warning != null) {
                    warnings.add(warning);
                }
            }
        }
        return warnings;
    }

    private static Diagnosis warning(String server, String zone, String asked, TxtAnswer a) {
        return switch (a.outcome()) {
            case TIMEOUT -> down(DomainReason.of(ReasonCode.SERVER_TIMED_OUT_PROBLEM, server, zone, asked));
            case NETWORK_ERROR -> down(DomainReason.of(ReasonCode.SERVER_UNREACHABLE_PROBLEM, server, zone, asked));
            case REFUSED -> lame(DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM, server, zone, asked));
            case SERVER_FAILURE -> lame(DomainReason.of(ReasonCode.SERVER_FAILS_PROBLEM, server, zone, asked,
                    a.errorText()));
            case REFERRAL -> lame(DomainReason.of(ReasonCode.SERVER_NOT_AUTHORITATIVE_PROBLEM, server, zone, asked));
            case FOUND, NO_SUCH_NAME, NO_RECORDS, ALIAS -> a.authoritative() ? null
                    : lame(DomainReason.of(ReasonCode.SERVER_NOT_AUTHORITATIVE_PROBLEM, server, zone, asked));
        };
    }

    private static Diagnosis down(DomainReason problem) {
        return new Diagnosis(Diagnosis.Kind.SERVER_DOWN, problem, DomainReason.of(ReasonCode.SERVER_DOWN_FIX));
    }

    private static Diagnosis lame(DomainReason problem) {
        return new Diagnosis(Diagnosis.Kind.SERVER_LAME, problem, DomainReason.of(ReasonCode.SERVER_LAME_FIX));
    }
}
