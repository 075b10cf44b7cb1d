package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A warning for each name server that gave no usable answer: which server, and what happened to it. Without it a
 * verdict reached on the other servers reads as if this one lacked the record, and a server that is down or no
 * longer serves the zone goes unnoticed until the others fail too.
 */
final class SilentServers {
    private SilentServers() {
    }

    /**
     * @param answerOf the answer that decides for a source (its challenge name, or the CNAME target it was asked)
     */
    static List<Diagnosis> of(List<SourceEvidence> sources, Function<SourceEvidence, TxtAnswer> answerOf) {
        List<Diagnosis> warnings = new ArrayList<>();
        for (SourceEvidence s : sources) {
            // Only a zone's own name servers can be down or lame; a --dns-server's failure is the summary itself.
            if (s.role().mustBeAuthoritative()) {
                TxtAnswer a = answerOf.apply(s);
                Diagnosis warning = warning(s.name(), a);
                if (warning != null) {
                    warnings.add(warning);
                }
            }
        }
        return warnings;
    }

    private static Diagnosis warning(String server, TxtAnswer a) {
        return switch (a.outcome()) {
            case TIMEOUT -> down(DomainReason.of(ReasonCode.SERVER_TIMED_OUT_PROBLEM, server));
            case NETWORK_ERROR -> down(DomainReason.of(ReasonCode.SERVER_UNREACHABLE_PROBLEM, server));
            case REFUSED -> lame(DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM, server));
            case SERVER_FAILURE -> lame(DomainReason.of(ReasonCode.SERVER_FAILS_PROBLEM, server, a.errorText()));
            case REFERRAL -> lame(DomainReason.of(ReasonCode.SERVER_NOT_AUTHORITATIVE_PROBLEM, server));
            case FOUND, NO_SUCH_NAME, NO_RECORDS, ALIAS -> a.authoritative() ? null
                    : lame(DomainReason.of(ReasonCode.SERVER_NOT_AUTHORITATIVE_PROBLEM, server));
        };
    }

    private static Diagnosis down(DomainReason problem) {
        return new Diagnosis(Diagnosis.Kind.SERVER_DOWN, problem, DomainReason.of(ReasonCode.SERVER_DOWN_FIX));
    }

    private static Diagnosis lame(DomainReason problem) {
        return new Diagnosis(Diagnosis.Kind.SERVER_LAME, problem, DomainReason.of(ReasonCode.SERVER_LAME_FIX));
    }
}
