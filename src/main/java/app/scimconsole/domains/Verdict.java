package app.scimconsole.domains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;

/**
 * Turns what the sources answered into a status, a summary and diagnoses, each a {@link DomainReason}. Live checks
 * and the offline zone-file check both end here, so a problem is explained the same way whichever way it was found.
 *
 * <p>Rule: VERIFIED when at least one deciding source has the expected value, every deciding source that gave a
 * definite answer has it, and those are at least half of all deciding sources. A record on some name servers only
 * is not yet published, because a resolver may ask any of them. At least half, not a strict majority: a zone's two
 * name servers (the most common setup) must stay verifiable while one of them is down, and a silent server cannot
 * contradict the others; every server that does answer must agree. Each server without a usable answer is named
 * in a warning (see {@link SilentServers}).
 */
final class Verdict {
    private final Challenge challenge;
    private final ProbeNames names;
    private final List<SourceEvidence> sources;
    private final Instant now;
    private final Duration timeout;
    private final byte[] expected;

    /**
     * @param sources every source asked; those whose role {@link ServerRole#decides() decides} count for the status
     * @param timeout the per-query time limit, named in a timeout's answer; null for offline checks
     */
    Verdict(Challenge challenge, ProbeNames names, List<SourceEvidence> sources, Instant now, Duration timeout) {
        this.challenge = challenge;
        this.names = names;
        this.sources = List.copyOf(sources);
        this.now = now;
        this.timeout = timeout;
        this.expected = challenge.expectedBytes();
    }

    /** The result when no server could even be found to ask: the domain first, then the problem's own arguments. */
    static VerificationResult noServers(Challenge challenge, Authorities none, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(challenge.domain().unicode());
        args.addAll(none.problemArgs());
        return new VerificationResult(challenge.domain().ascii(), VerificationStatus.ERROR,
                new DomainReason(none.problem(), args), List.of(), List.of(), now, null);
    }

    VerificationResult judge() {
        List<SourceEvidence> deciders = sources.stream().filter(s -> s.role().decides()).toList();
        List<SourceEvidence> definite = deciders.stream().filter(this::counts).toList();
        List<SourceEvidence> withRecord = definite.stream().filter(this::hasRecord).toList();
        List<Diagnosis> diagnoses = new ArrayList<>();
        Instant cachedUntil = negativeCacheExpiry(definite);
        String name = challenge.recordName();

        VerificationStatus status;
        DomainReason summary;
        if (!withRecord.isEmpty() && withRecord.size() == definite.size() && 2 * withRecord.size() >= deciders.size()) {
            status = VerificationStatus.VERIFIED;
            summary = verifiedSummary(withRecord, deciders);
            cachedUntil = null;
            resolverWarnings(diagnoses);
        } else if (!withRecord.isEmpty() && withRecord.size() < definite.size()) {
            status = VerificationStatus.PENDING;
            summary = DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED, name, withRecord.size(), deciders.size());
            diagnoses.add(partiallyPublished(withRecord, definite, deciders));
        } else if (!withRecord.isEmpty()) {
            status = VerificationStatus.ERROR;
            summary = DomainReason.of(ReasonCode.CHECK_TOO_FEW_ANSWERS, withRecord.size(), deciders.size(),
                    failing(deciders));
        } else if (definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.FOUND)) {
            status = VerificationStatus.MISMATCH;
            summary = DomainReason.of(ReasonCode.CHECK_MISMATCH, name);
            diagnoses.addAll(valueProblems(definite));
        } else if (!definite.isEmpty()) {
            status = VerificationStatus.PENDING;
            summary = notFoundSummary(definite, cachedUntil);
            definite.stream().map(this::challengeAnswer).filter(a -> a.outcome() == DnsOutcome.ALIAS)
                    .findFirst().ifPresent(a -> diagnoses.add(cname(a)));
        } else if (deciders.isEmpty()) {
            return noServers(challenge, Authorities.none(null, ReasonCode.NO_SERVERS_NONE_TO_ASK), now);
        } else {
            status = VerificationStatus.ERROR;
            summary = DomainReason.of(ReasonCode.CHECK_NO_USABLE_ANSWER, failing(deciders));
        }
        if (status != VerificationStatus.VERIFIED) {
            misplacedCopies(diagnoses);
        }
        diagnoses.addAll(SilentServers.of(deciders, this::challengeAnswer));
        diagnoses.addAll(DelegationMismatch.of(deciders, this::challengeAnswer, this::hasExpected));
        List<ServerCheck> rows = sources.stream().map(s -> row(s, maxSerial(deciders))).toList();
        return new VerificationResult(challenge.domain().ascii(), status, summary, diagnoses, rows, now, cachedUntil);
    }

    // ---- classification ----------------------------------------------------------------------------------------

    private TxtAnswer challengeAnswer(SourceEvidence s) {
        return Objects.requireNonNull(s.answerFor(names.challenge()), "every source is asked the challenge name");
    }

    /** A definite answer from a source that is entitled to give one. */
    private boolean counts(SourceEvidence s) {
        TxtAnswer a = challengeAnswer(s);
        return a.outcome().isDefinite() && (a.authoritative() || !s.role().mustBeAuthoritative());
    }

    private boolean hasRecord(SourceEvidence s) {
        return hasExpected(challengeAnswer(s));
    }

    private boolean hasExpected(TxtAnswer a) {
        return a.values().stream().anyMatch(v -> v.hasBytes(expected));
    }

    /** The expected value, or the expected value wrapped in quotes or spaces. */
    private boolean resemblesExpected(TxtValue v) {
        return v.hasBytes(expected) || isQuotedOrPadded(v);
    }

    private boolean isQuotedOrPadded(TxtValue v) {
        String text = v.text();
        return !v.hasBytes(expected) && unwrap(text).equals(challenge.recordValue());
    }

    private static String unwrap(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWrapping(text.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWrapping(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || c == '\u201C' || c == '\u201D';
    }

    // ---- summaries and answers ---------------------------------------------------------------------------------

    private DomainReason verifiedSummary(List<SourceEvidence> withRecord, List<SourceEvidence> deciders) {
        String name = challenge.recordName();
        if (withRecord.size() < deciders.size()) {
            return DomainReason.of(ReasonCode.CHECK_VERIFIED_SOME_SILENT, withRecord.size(), deciders.size(), name,
                    failing(deciders));
        }
        if (deciders.size() > 1) {
            return DomainReason.of(ReasonCode.CHECK_VERIFIED, withRecord.size(), deciders.size(), name);
        }
        return DomainReason.of(deciders.get(0).role() == ServerRole.ZONE_FILE ? ReasonCode.CHECK_ZONE_WOULD_VERIFY
                : ReasonCode.CHECK_VERIFIED_BY_SERVER, name);
    }

    private DomainReason notFoundSummary(List<SourceEvidence> definite, Instant cachedUntil) {
        String name = challenge.recordName();
        if (definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.ALIAS)) {
            return DomainReason.of(ReasonCode.CHECK_ALIAS, name);
        }
        boolean noSuchName = definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.NO_SUCH_NAME);
        if (cachedUntil == null) {
            return DomainReason.of(noSuchName ? ReasonCode.CHECK_NO_SUCH_NAME : ReasonCode.CHECK_NO_RECORDS, name);
        }
        return DomainReason.of(noSuchName ? ReasonCode.CHECK_NO_SUCH_NAME_CACHED : ReasonCode.CHECK_NO_RECORDS_CACHED,
                name, cachedUntil);
    }

    private Instant negativeCacheExpiry(List<SourceEvidence> definite) {
        return definite.stream().map(this::challengeAnswer).map(TxtAnswer::negativeTtlSeconds)
                .filter(Objects::nonNull).max(Long::compare).map(now::plusSeconds).orElse(null);
    }

    /** The deciding servers without a usable answer, as a list of names (what each said is in its row). */
    private String failing(List<SourceEvidence> deciders) {
        return names(deciders.stream().filter(s -> !counts(s)).toList());
    }

    private static String names(List<SourceEvidence> some) {
        return some.stream().map(SourceEvidence::name).collect(Collectors.joining(", "));
    }

    private DomainReason answer(SourceEvidence s, TxtAnswer a, Long newestSerial) {
        if (a.outcome().isDefinite() && !a.authoritative() && s.role().mustBeAuthoritative()) {
            return DomainReason.of(ReasonCode.ANSWER_NOT_AUTHORITATIVE);
        }
        boolean behind = s.soaSerial() != null && newestSerial != null && s.soaSerial() < newestSerial;
        return switch (a.outcome()) {
            case FOUND -> hasExpected(a) ? DomainReason.of(ReasonCode.ANSWER_HAS_RECORD)
                    : DomainReason.of(ReasonCode.ANSWER_OTHER_VALUE, quoted(a.values()));
            case NO_SUCH_NAME -> behind
                    ? DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME_BEHIND, s.soaSerial(), newestSerial)
                    : DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME);
            case NO_RECORDS -> behind
                    ? DomainReason.of(ReasonCode.ANSWER_NO_RECORDS_BEHIND, s.soaSerial(), newestSerial)
                    : DomainReason.of(ReasonCode.ANSWER_NO_RECORDS);
            case ALIAS -> DomainReason.of(ReasonCode.ANSWER_ALIAS, a.aliasTarget().toString(true));
            case REFERRAL -> DomainReason.of(ReasonCode.ANSWER_REFERRAL);
            case SERVER_FAILURE -> DomainReason.of(ReasonCode.ANSWER_FAILURE, a.errorText());
            case REFUSED -> DomainReason.of(ReasonCode.ANSWER_REFUSED);
            case TIMEOUT -> timedOut();
            case NETWORK_ERROR -> DomainReason.of(ReasonCode.ANSWER_UNREACHABLE);
        };
    }

    private DomainReason timedOut() {
        // Only live checks time out, and they always have a limit.
        Duration limit = timeout == null ? DnsChecker.DEFAULT_TIMEOUT : timeout;
        return limit.toMillis() % 1000 == 0 ? DomainReason.of(ReasonCode.ANSWER_TIMEOUT_SECONDS, limit.toSeconds())
                : DomainReason.of(ReasonCode.ANSWER_TIMEOUT_MILLIS, limit.toMillis());
    }

    /** TXT values as a list, each in quotes, so that spaces and empty values can be seen. */
    private static String quoted(List<TxtValue> values) {
        return values.stream().map(v -> "\"" + v.text() + "\"").collect(Collectors.joining(", "));
    }

    private ServerCheck row(SourceEvidence s, Long newestSerial) {
        TxtAnswer a = challengeAnswer(s);
        return new ServerCheck(s.label(), s.role(), a.outcome(), a.authoritative(), hasExpected(a),
                a.values().stream().map(TxtValue::text).toList(), s.soaSerial(), a.elapsed().toMillis(),
                answer(s, a, newestSerial));
    }

    private static Long maxSerial(List<SourceEvidence> deciders) {
        return deciders.stream().map(SourceEvidence::soaSerial).filter(Objects::nonNull).max(Long::compare)
                .orElse(null);
    }

    // ---- diagnoses ---------------------------------------------------------------------------------------------

    private static Diagnosis diagnosis(Diagnosis.Kind kind, DomainReason problem, ReasonCode fix, Object... fixArgs) {
        return new Diagnosis(kind, problem, DomainReason.of(fix, fixArgs));
    }

    private Diagnosis partiallyPublished(List<SourceEvidence> withRecord, List<SourceEvidence> definite,
            List<SourceEvidence> deciders) {
        List<SourceEvidence> behind = definite.stream().filter(s -> !withRecord.contains(s)).toList();
        return diagnosis(Diagnosis.Kind.PARTIALLY_PUBLISHED, DomainReason.of(ReasonCode.PARTIALLY_PUBLISHED_PROBLEM,
                withRecord.size(), deciders.size(), names(behind)), ReasonCode.PARTIALLY_PUBLISHED_FIX);
    }

    private List<Diagnosis> valueProblems(List<SourceEvidence> definite) {
        List<TxtValue> found = definite.stream().flatMap(s -> challengeAnswer(s).values().stream()).distinct()
                .toList();
        Optional<TxtValue> padded = found.stream().filter(this::isQuotedOrPadded).findFirst();
        if (padded.isPresent()) {
            return List.of(diagnosis(Diagnosis.Kind.QUOTES_OR_SPACES,
                    DomainReason.of(ReasonCode.QUOTES_OR_SPACES_PROBLEM, padded.get().text()),
                    ReasonCode.QUOTES_OR_SPACES_FIX, challenge.recordValue()));
        }
        boolean ours = found.stream().anyMatch(v -> v.text().startsWith(Challenge.VALUE_PREFIX));
        return List.of(diagnosis(Diagnosis.Kind.OTHER_VALUE, DomainReason.of(ours ? ReasonCode.OTHER_VALUE_OURS_PROBLEM
                : ReasonCode.OTHER_VALUE_PROBLEM, quoted(found)), ReasonCode.OTHER_VALUE_FIX, challenge.recordValue()));
    }

    private Diagnosis cname(TxtAnswer a) {
        return diagnosis(Diagnosis.Kind.CNAME_AT_CHALLENGE, DomainReason.of(ReasonCode.CNAME_PROBLEM,
                challenge.recordName(), a.aliasTarget().toString(true)), ReasonCode.CNAME_FIX, Challenge.RECORD_LABEL);
    }

    /** Copies of the value where DNS panels often put it by mistake. */
    private void misplacedCopies(List<Diagnosis> diagnoses) {
        if (foundAnywhere(List.of(names.apex()))) {
            diagnoses.add(diagnosis(Diagnosis.Kind.TOKEN_AT_APEX, DomainReason.of(ReasonCode.TOKEN_AT_APEX_PROBLEM,
                    challenge.domain().unicode(), challenge.recordName()), ReasonCode.TOKEN_AT_APEX_FIX,
                    Challenge.RECORD_LABEL));
        }
        for (Name doubled : names.doubled()) {
            if (foundAnywhere(List.of(doubled))) {
                diagnoses.add(diagnosis(Diagnosis.Kind.NAME_DOUBLED, DomainReason.of(ReasonCode.DOUBLED_NAME_PROBLEM,
                        doubled.toString(true)), ReasonCode.DOUBLED_NAME_FIX, Challenge.RECORD_LABEL));
                break;
            }
        }
    }

    private boolean foundAnywhere(List<Name> probeNames) {
        return sources.stream().filter(s -> s.role().decides()).anyMatch(s -> probeNames.stream()
                .map(s::answerFor).filter(Objects::nonNull)
                .anyMatch(a -> a.values().stream().anyMatch(this::resemblesExpected)));
    }

    /** The verdict stands, but this computer's network may not see it yet; say so instead of leaving a puzzle. */
    private void resolverWarnings(List<Diagnosis> diagnoses) {
        for (SourceEvidence s : sources) {
            if (s.role() != ServerRole.SYSTEM_RESOLVER) {
                continue;
            }
            TxtAnswer a = challengeAnswer(s);
            if (a.outcome() == DnsOutcome.NO_SUCH_NAME || a.outcome() == DnsOutcome.NO_RECORDS) {
                DomainReason problem = a.negativeTtlSeconds() == null
                        ? DomainReason.of(ReasonCode.RESOLVER_BEHIND_PROBLEM)
                        : DomainReason.of(ReasonCode.RESOLVER_BEHIND_CACHED_PROBLEM,
                                now.plusSeconds(a.negativeTtlSeconds()));
                diagnoses.add(diagnosis(Diagnosis.Kind.RESOLVER_BEHIND, problem, ReasonCode.RESOLVER_BEHIND_FIX));
            } else if (a.outcome() == DnsOutcome.SERVER_FAILURE) {
                diagnoses.add(diagnosis(Diagnosis.Kind.RESOLVER_FAILURE,
                        DomainReason.of(ReasonCode.RESOLVER_FAILURE_PROBLEM, a.errorText()),
                        ReasonCode.RESOLVER_FAILURE_FIX));
            }
        }
    }
}
