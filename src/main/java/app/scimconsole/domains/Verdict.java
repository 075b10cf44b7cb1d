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
    private final CnameChain.Followed chain;
    private final List<Diagnosis> warnings;

    /**
     * @param sources every source asked; those whose role {@link ServerRole#decides() decides} count for the status
     * @param timeout the per-query time limit, named in a timeout's answer; null for offline checks
     */
    Verdict(Challenge challenge, ProbeNames names, List<SourceEvidence> sources, Instant now, Duration timeout) {
        this(challenge, names, sources, now, timeout, null, List.of());
    }

    private Verdict(Challenge challenge, ProbeNames names, List<SourceEvidence> sources, Instant now,
            Duration timeout, CnameChain.Followed chain, List<Diagnosis> warnings) {
        this.challenge = challenge;
        this.names = names;
        this.sources = List.copyOf(sources);
        this.now = now;
        this.timeout = timeout;
        this.expected = challenge.expectedBytes();
        this.chain = chain;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The same verdict for a challenge name that is an alias: {@code sources} include what the servers of each target
     * zone said about their target. When the chain reaches a name with TXT records, that name's servers decide.
     */
    Verdict following(CnameChain.Followed followed) {
        return new Verdict(challenge, names, sources, now, timeout, followed, warnings);
    }

    /** The same verdict, with warnings noticed while finding the servers (they stand whatever the record says). */
    Verdict warning(List<Diagnosis> found) {
        List<Diagnosis> all = new ArrayList<>(warnings);
        all.addAll(found);
        return new Verdict(challenge, names, sources, now, timeout, chain, all);
    }

    /**
     * The result when no server could even be found to ask: the domain first, then the problem's own arguments. Only
     * a domain that DNS says does not exist is {@code PENDING}: that is an answer (the record exists for no one, so a
     * verified domain starts its grace period, as one its parent no longer delegates does); every other problem is
     * {@code ERROR}, DNS could not tell.
     */
    static VerificationResult noServers(Challenge challenge, Authorities none, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(challenge.domain().unicode());
        args.addAll(none.problemArgs());
        VerificationStatus status = none.problem() == ReasonCode.NO_SERVERS_NOT_IN_DNS ? VerificationStatus.PENDING
                : VerificationStatus.ERROR;
        return new VerificationResult(challenge.domain().ascii(), status, new DomainReason(none.problem(), args),
                List.of(), List.of(), now, null);
    }

    /** What one set of deciding servers says: the status, the summary, and until when "not found" may be cached. */
    private record Decision(VerificationStatus status, DomainReason summary, Instant cachedUntil) {
    }

    VerificationResult judge() {
        List<SourceEvidence> zoneDeciders = deciding(null);
        List<Diagnosis> diagnoses = new ArrayList<>();
        Decision decision = chain == null ? decide(zoneDeciders, challenge.recordName(), diagnoses)
                : followed(zoneDeciders, diagnoses);
        if (decision == null) {
            return noServers(challenge, Authorities.none(null, ReasonCode.NO_SERVERS_NONE_TO_ASK), now);
        }
        if (decision.status() != VerificationStatus.VERIFIED) {
            misplacedCopies(diagnoses);
        }
        diagnoses.addAll(SilentServers.of(sources.stream().filter(s -> s.role().decides()).toList(),
                names.challenge(), this::challengeAnswer));
        diagnoses.addAll(DelegationMismatch.of(zoneDeciders, this::challengeAnswer, this::hasExpected));
        diagnoses.addAll(warnings);
        if (chain != null) {
            // Two hops in one zone find the same zone's servers, and the same warning about them.
            chain.warnings().stream().distinct().filter(w -> !diagnoses.contains(w)).forEach(diagnoses::add);
        }
        List<ServerCheck> rows = sources.stream().map(s -> row(s, maxSerial(deciding(s.target())))).toList();
        Optional<Diagnosis> notDelegated = diagnoses.stream()
                .filter(d -> d.kind() == Diagnosis.Kind.NOT_DELEGATED).findFirst();
        if (notDelegated.isPresent()) {
            decision = notDelegated(notDelegated.get());
            // The cause first: the other findings are about servers nobody can reach through the parent.
            diagnoses.remove(notDelegated.get());
            diagnoses.add(0, notDelegated.get());
        }
        return new VerificationResult(challenge.domain().ascii(), decision.status(), decision.summary(), diagnoses,
                rows, now, decision.cachedUntil());
    }

    /**
     * The parent zone's servers deny, with authority, that the zone exists. Not a warning beside a verdict: whatever
     * the zone's servers publish, their answers prove only that some servers hold the record, not that the domain
     * is in DNS. Everyone who resolves from the root is told the name does not exist; the servers were found only
     * through a resolver that still remembers the old delegation (for its TTL at most). And a registration that
     * lapsed can be taken by anyone, who then publishes what they like. What the check can still prove is that the
     * record does not exist for the world: that is PENDING (the record is not there), so a verified domain starts
     * its grace period and is LOST after it. Not ERROR: the parent did answer, with authority, and ERROR ("nothing
     * can be said") does not start the grace period, so a lapsed domain would stay verified.
     */
    private static Decision notDelegated(Diagnosis denial) {
        List<String> args = denial.problem().args();
        return new Decision(VerificationStatus.PENDING, DomainReason.of(ReasonCode.CHECK_NOT_DELEGATED, args.get(0),
                args.get(1)), null);
    }

    /** The deciding sources asked about one name: the challenge name's servers (null), or one CNAME target's. */
    private List<SourceEvidence> deciding(Name target) {
        return sources.stream().filter(s -> s.role().decides() && Objects.equals(s.target(), target)).toList();
    }

    /**
     * The challenge name is an alias. Every hop of the chain is judged as the challenge name itself would be: each
     * server of a hop's zone that answers must hold the same alias, and at least half of them must answer. Then the
     * last name decides: its servers' TXT records, or that it does not exist, or that none of its servers answers.
     * A chain that ends elsewhere (a loop, too long, a name without TXT records) is the alias in the way.
     */
    private Decision followed(List<SourceEvidence> zoneDeciders, List<Diagnosis> diagnoses) {
        List<Name> chained = chain.names();
        for (int i = 0; i + 1 < chained.size(); i++) {
            Decision hop = hop(i == 0 ? zoneDeciders : deciding(chained.get(i)), chained.get(i), chained.get(i + 1),
                    diagnoses);
            if (hop != null) {
                return hop;
            }
        }
        List<SourceEvidence> lastDeciders = chain.end() == CnameChain.End.REACHED ? deciding(chain.last())
                : List.of();
        List<SourceEvidence> definite = lastDeciders.stream().filter(this::counts).toList();
        if (definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.FOUND)) {
            return delegated(lastDeciders, diagnoses);
        }
        if (chain.end() == CnameChain.End.TARGET_NOT_FOUND || !definite.isEmpty() && definite.stream()
                .allMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.NO_SUCH_NAME)) {
            return missingTarget(definite, diagnoses);
        }
        // A lame or silent hop cannot be judged: say so, not "delete the CNAME". A --dns-server that does not serve
        // the target's zone cannot tell either, but it is the one authority asked: its alias stays the finding.
        if (!lastDeciders.isEmpty() && definite.isEmpty()
                && lastDeciders.stream().allMatch(s -> s.role().mustBeAuthoritative())) {
            return new Decision(VerificationStatus.ERROR, DomainReason.of(ReasonCode.CHECK_NO_USABLE_ANSWER,
                    failing(lastDeciders)), null);
        }
        return decide(zoneDeciders, challenge.recordName(), diagnoses);
    }

    /** One alias of the chain, {@code name → next}, on {@code deciders}; null when they all hold it. */
    private Decision hop(List<SourceEvidence> deciders, Name name, Name next, List<Diagnosis> diagnoses) {
        List<SourceEvidence> definite = deciders.stream().filter(this::counts).toList();
        List<SourceEvidence> aliased = definite.stream().filter(s -> challengeAnswer(s).outcome() == DnsOutcome.ALIAS
                && next.equals(challengeAnswer(s).aliasTarget())).toList();
        if (aliased.size() < definite.size()) {
            diagnoses.add(partiallyPublished(aliased, definite, deciders));
            return new Decision(VerificationStatus.PENDING, DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                    name.toString(true), aliased.size(), deciders.size()), null);
        }
        if (2 * aliased.size() < deciders.size()) {
            return new Decision(VerificationStatus.ERROR, DomainReason.of(ReasonCode.CHECK_TOO_FEW_ANSWERS,
                    aliased.size(), deciders.size(), failing(deciders)), null);
        }
        return null;
    }

    /** Every alias holds, and the last name's servers decide about its TXT records. */
    private Decision delegated(List<SourceEvidence> targetDeciders, List<Diagnosis> diagnoses) {
        String target = chain.last().toString(true);
        Decision atTarget = decide(targetDeciders, target, diagnoses);
        if (atTarget.status() != VerificationStatus.VERIFIED) {
            return atTarget;
        }
        long withRecord = targetDeciders.stream().filter(s -> counts(s) && hasRecord(s)).count();
        String name = challenge.recordName();
        DomainReason summary = chain.names().size() > 2
                ? DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED_CHAIN, withRecord, targetDeciders.size(), name,
                        target, chain.text())
                : DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, withRecord, targetDeciders.size(), name,
                        target);
        return new Decision(VerificationStatus.VERIFIED, summary, null);
    }

    /** The chain leads to a name that does not exist: named with the chain, and the "not found" its zone allows. */
    private Decision missingTarget(List<SourceEvidence> definite, List<Diagnosis> diagnoses) {
        String missing = chain.last().toString(true);
        diagnoses.add(diagnosis(Diagnosis.Kind.CNAME_TARGET_MISSING, DomainReason.of(
                ReasonCode.CNAME_TARGET_MISSING_PROBLEM, chain.text(), missing), ReasonCode.CNAME_TARGET_MISSING_FIX,
                missing, Challenge.RECORD_LABEL));
        Instant cachedUntil = negativeCacheExpiry(definite);
        return new Decision(VerificationStatus.PENDING, cachedUntil == null
                ? DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME, missing)
                : DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME_CACHED, missing, cachedUntil), cachedUntil);
    }

    /**
     * What {@code deciders} say about the TXT records at {@code name}; null when there is no server to decide.
     */
    private Decision decide(List<SourceEvidence> deciders, String name, List<Diagnosis> diagnoses) {
        List<SourceEvidence> definite = deciders.stream().filter(this::counts).toList();
        List<SourceEvidence> withRecord = definite.stream().filter(this::hasRecord).toList();
        Instant cachedUntil = negativeCacheExpiry(definite);
        if (!withRecord.isEmpty() && withRecord.size() == definite.size() && 2 * withRecord.size() >= deciders.size()) {
            resolverWarnings(diagnoses);
            return new Decision(VerificationStatus.VERIFIED, verifiedSummary(withRecord, deciders), null);
        }
        if (!withRecord.isEmpty() && withRecord.size() < definite.size()) {
            diagnoses.add(partiallyPublished(withRecord, definite, deciders));
            return new Decision(VerificationStatus.PENDING, DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED, name,
                    withRecord.size(), deciders.size()), cachedUntil);
        }
        if (!withRecord.isEmpty()) {
            return new Decision(VerificationStatus.ERROR, DomainReason.of(ReasonCode.CHECK_TOO_FEW_ANSWERS,
                    withRecord.size(), deciders.size(), failing(deciders)), cachedUntil);
        }
        if (definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.FOUND)) {
            diagnoses.addAll(valueProblems(definite));
            return new Decision(VerificationStatus.MISMATCH, DomainReason.of(ReasonCode.CHECK_MISMATCH, name),
                    cachedUntil);
        }
        if (!definite.isEmpty()) {
            definite.stream().map(this::challengeAnswer).filter(a -> a.outcome() == DnsOutcome.ALIAS)
                    .findFirst().ifPresent(a -> diagnoses.add(alias(a)));
            return new Decision(VerificationStatus.PENDING, notFoundSummary(definite, cachedUntil, name), cachedUntil);
        }
        if (deciders.isEmpty()) {
            return null;
        }
        return new Decision(VerificationStatus.ERROR, DomainReason.of(ReasonCode.CHECK_NO_USABLE_ANSWER,
                failing(deciders)), cachedUntil);
    }

    // ---- classification ----------------------------------------------------------------------------------------

    /** The answer that decides for a source: about the challenge name, or about the CNAME target it was asked. */
    private TxtAnswer challengeAnswer(SourceEvidence s) {
        return Objects.requireNonNull(s.answerFor(s.target() == null ? names.challenge() : s.target()),
                "every source is asked the challenge name or its target");
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

    private DomainReason notFoundSummary(List<SourceEvidence> definite, Instant cachedUntil, String name) {
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
                answer(s, a, newestSerial), s.target() == null ? null : s.target().toString(true));
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

    /**
     * The alias hides the record: a chain that loops or runs too long says so; one that ends at a name without the
     * record (or nowhere) is the CNAME in the way, as before CNAMEs were followed.
     */
    private Diagnosis alias(TxtAnswer a) {
        if (chain != null && chain.end() == CnameChain.End.LOOP) {
            return diagnosis(Diagnosis.Kind.CNAME_CHAIN_BROKEN, DomainReason.of(ReasonCode.CNAME_LOOP_PROBLEM,
                    chain.text()), ReasonCode.CNAME_CHAIN_FIX, Challenge.RECORD_LABEL);
        }
        if (chain != null && chain.end() == CnameChain.End.TOO_LONG) {
            return diagnosis(Diagnosis.Kind.CNAME_CHAIN_BROKEN, DomainReason.of(ReasonCode.CNAME_TOO_LONG_PROBLEM,
                    chain.text(), CnameChain.MAX_ALIASES), ReasonCode.CNAME_CHAIN_FIX, Challenge.RECORD_LABEL);
        }
        return cname(a);
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
