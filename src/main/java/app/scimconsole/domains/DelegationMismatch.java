package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A diagnosis for each name server that is on only one of the two lists: the parent's delegation (what the registrar
 * has on file) or the zone's own NS records. A server only the registrar still lists is the dangerous one: resolvers
 * ask it, and an old copy of the zone there answers without the record.
 */
final class DelegationMismatch {
    private DelegationMismatch() {
    }

    /**
     * @param answerOf  the answer that decides for a source
     * @param hasRecord whether an answer holds the expected value
     */
    static List<Diagnosis> of(List<SourceEvidence> sources, Function<SourceEvidence, TxtAnswer> answerOf,
            Predicate<TxtAnswer> hasRecord) {
        // One diagnosis per host name, whatever its number of addresses: the lists name hosts.
        Map<String, List<SourceEvidence>> byHost = new LinkedHashMap<>();
        for (SourceEvidence s : sources) {
            if (s.role() == ServerRole.PARENT_ONLY || s.role() == ServerRole.ZONE_ONLY) {
                byHost.computeIfAbsent(s.host(), h -> new ArrayList<>()).add(s);
            }
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        byHost.forEach((host, addresses) -> {
            DomainReason problem;
            if (addresses.get(0).role() == ServerRole.ZONE_ONLY) {
                problem = DomainReason.of(ReasonCode.ZONE_ONLY_PROBLEM, host);
            } else if (addresses.stream().map(answerOf)
                    .anyMatch(a -> a.outcome().isDefinite() && a.authoritative() && !hasRecord.test(a))) {
                problem = DomainReason.of(ReasonCode.PARENT_ONLY_WITHOUT_RECORD_PROBLEM, host);
            } else {
                problem = DomainReason.of(ReasonCode.PARENT_ONLY_PROBLEM, host);
            }
            diagnoses.add(new Diagnosis(Diagnosis.Kind.DELEGATION_MISMATCH, problem,
                    DomainReason.of(ReasonCode.DELEGATION_FIX, host)));
        });
        return diagnoses;
    }
}
