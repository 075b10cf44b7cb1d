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
 * Turns what the sources answered into a status, a summary and diagnoses. Live checks and the offline zone-file
 * check both end here, so a problem is explained the same way whichever way it was found.
 *
 * <p>Rule: VERIFIED when at least one deciding source has the expected value, every deciding source that gave a
 * definite answer has it, and those are at least half of all deciding sources. A record on some name servers only
 * is not yet published, because a resolver may ask any of them.
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
     * @param timeout the per-query time limit, for wording timeouts; null for offline checks
     */
    Verdict(Challenge challenge, ProbeNames names, List<SourceEvidence> sources, Instant now, Duration timeout) {
        this.challenge = challenge;
        this.names = names;
        this.sources = List.copyOf(sources);
        this.now = now;
        this.timeout = timeout;
        this.expected = challenge.expectedBytes();
    }

    /** The result when no server could even be found to ask. */
    static VerificationResult noServers(Challenge challenge, String reason, Instant now) {
        return new VerificationResult(challenge.domain().ascii(), VerificationStatus.ERROR,
                "We could not find the name servers of " + challenge.domain().unicode() + ": " + reason,
                List.of(), List.of(), now, null);
    }

    VerificationResult judge() {
        List<SourceEvidence> deciders = sources.stream().filter(s -> s.role().decides()).toList();
        List<SourceEvidence> definite = deciders.stream().filter(this::counts).toList();
        List<SourceEvidence> withRecord = definite.stream().filter(this::hasRecord).toList();
        List<Diagnosis> diagnoses = new ArrayList<>();
        Instant cachedUntil = negativeCacheExpiry(definite);
        String name = challenge.recordName();

        VerificationStatus status;
        String summary;
        if (!withRecord.isEmpty() && withRecord.size() == definite.size() && 2 * withRecord.size() >= deciders.size()) {
            status = VerificationStatus.VERIFIED;
            summary = verifiedSummary(withRecord, deciders);
            cachedUntil = null;
            resolverWarnings(diagnoses);
        } else if (!withRecord.isEmpty() && withRecord.size() < definite.size()) {
            status = VerificationStatus.PENDING;
            summary = "The record " + name + " is published on " + countOf(withRecord, deciders)
                    + ", but not yet on the others.";
            diagnoses.add(partiallyPublished(withRecord, definite, deciders));
        } else if (!withRecord.isEmpty()) {
            status = VerificationStatus.ERROR;
            summary = "Only " + countOf(withRecord, deciders) + " answered, and "
                    + "at least half must confirm the record. " + failures(deciders);
        } else if (definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.FOUND)) {
            status = VerificationStatus.MISMATCH;
            summary = "The record " + name + " exists, but its value is not the one we expect.";
            diagnoses.addAll(valueProblems(definite));
        } else if (!definite.isEmpty()) {
            status = VerificationStatus.PENDING;
            summary = notFoundSummary(definite, cachedUntil);
            definite.stream().map(this::challengeAnswer).filter(a -> a.outcome() == DnsOutcome.ALIAS)
                    .findFirst().ifPresent(a -> diagnoses.add(cname(a)));
        } else if (deciders.isEmpty()) {
            return noServers(challenge, "no name server was found to ask.", now);
        } else {
            status = VerificationStatus.ERROR;
            summary = "DNS did not give a usable answer, so we cannot tell yet whether the record is there. "
                    + failures(deciders);
        }
        if (status != VerificationStatus.VERIFIED) {
            misplacedCopies(diagnoses);
        }
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

    // ---- wording -----------------------------------------------------------------------------------------------

    private String verifiedSummary(List<SourceEvidence> withRecord, List<SourceEvidence> deciders) {
        String name = challenge.recordName();
        if (deciders.size() > 1) {
            return "Verified: " + countOf(withRecord, deciders) + " publish the record " + name + ".";
        }
        return deciders.get(0).role() == ServerRole.ZONE_FILE
                ? "The zone file has the record " + name + " with the right value, so this data would verify the "
                        + "domain once it is live (an offline check never marks the domain verified by itself)."
                : "Verified: the DNS server publishes the record " + name + ".";
    }

    private static String countOf(List<SourceEvidence> some, List<SourceEvidence> all) {
        if (all.size() == 1) {
            return all.get(0).role() == ServerRole.ZONE_FILE ? "the zone file" : "the DNS server";
        }
        return some.size() + " of " + all.size() + " name servers";
    }

    private String notFoundSummary(List<SourceEvidence> definite, Instant cachedUntil) {
        boolean noSuchName = definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.NO_SUCH_NAME);
        boolean alias = definite.stream().anyMatch(s -> challengeAnswer(s).outcome() == DnsOutcome.ALIAS);
        String what = alias ? "The name " + challenge.recordName() + " is an alias (CNAME), so no TXT record can be "
                + "seen there."
                : noSuchName ? "The name " + challenge.recordName() + " does not exist yet."
                : "The name " + challenge.recordName() + " has no TXT record yet.";
        if (cachedUntil == null || alias) {
            return what;
        }
        return what + " After you publish it, resolvers that already asked may keep answering \"not found\" until "
                + readable(cachedUntil) + " (the zone's negative-caching time); we ask the name servers directly, so we see "
                + "it sooner.";
    }

    /** A time in a sentence for people: to the minute, in UTC (the console shows local times from the field). */
    static String readable(Instant t) {
        return READABLE.format(t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(
                t.getEpochSecond() % 60 == 0 && t.getNano() == 0 ? 0 : 60));
    }

    private static final java.time.format.DateTimeFormatter READABLE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private Instant negativeCacheExpiry(List<SourceEvidence> definite) {
        return definite.stream().map(this::challengeAnswer).map(TxtAnswer::negativeTtlSeconds)
                .filter(Objects::nonNull).max(Long::compare).map(now::plusSeconds).orElse(null);
    }

    private String failures(List<SourceEvidence> deciders) {
        return deciders.stream().filter(s -> !counts(s))
                .map(s -> capitalized(s.label()) + " " + describe(s, challengeAnswer(s), null) + ".")
                .collect(Collectors.joining(" "));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String describe(SourceEvidence s, TxtAnswer a, Long newestSerial) {
        if (a.outcome().isDefinite() && !a.authoritative() && s.role().mustBeAuthoritative()) {
            return "answered, but not as an authoritative server for this domain (it may not host the zone any more)";
        }
        String serialNote = s.soaSerial() != null && newestSerial != null && s.soaSerial() < newestSerial
                ? " (zone serial " + s.soaSerial() + ", others have " + newestSerial + ": not updated yet)" : "";
        return switch (a.outcome()) {
            case FOUND -> hasExpected(a) ? "has the record"
                    : "has the name with another value: " + quotedValues(a);
            case NO_SUCH_NAME -> "says the name does not exist" + serialNote;
            case NO_RECORDS -> "says the name has no TXT record" + serialNote;
            case ALIAS -> "says the name is an alias (CNAME) for " + a.aliasTarget().toString(true);
            case REFERRAL -> "is not responsible for this domain and pointed elsewhere";
            case SERVER_FAILURE -> "reported a failure (" + a.errorText() + ")";
            case REFUSED -> "refused to answer for this domain";
            case TIMEOUT -> "did not answer within " + (timeout == null ? "the time limit"
                    : timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " seconds" : timeout.toMillis() + " ms");
            case NETWORK_ERROR -> "could not be reached over the network";
        };
    }

    private static String quotedValues(TxtAnswer a) {
        return a.values().stream().map(v -> "\"" + v.text() + "\"").collect(Collectors.joining(", "));
    }

    private ServerCheck row(SourceEvidence s, Long newestSerial) {
        TxtAnswer a = challengeAnswer(s);
        return new ServerCheck(s.label(), s.role(), a.outcome(), a.authoritative(), hasExpected(a),
                a.values().stream().map(TxtValue::text).toList(), s.soaSerial(), a.elapsed().toMillis(),
                describe(s, a, newestSerial));
    }

    private static Long maxSerial(List<SourceEvidence> deciders) {
        return deciders.stream().map(SourceEvidence::soaSerial).filter(Objects::nonNull).max(Long::compare)
                .orElse(null);
    }

    // ---- diagnoses ---------------------------------------------------------------------------------------------

    private Diagnosis partiallyPublished(List<SourceEvidence> withRecord, List<SourceEvidence> definite,
            List<SourceEvidence> deciders) {
        Long newest = maxSerial(deciders);
        String behind = definite.stream().filter(s -> !withRecord.contains(s))
                .map(s -> s.label() + " " + describe(s, challengeAnswer(s), newest))
                .collect(Collectors.joining("; "));
        return new Diagnosis(Diagnosis.Kind.PARTIALLY_PUBLISHED,
                withRecord.size() + " of " + deciders.size() + " name servers have the record; " + behind + ".",
                "Name servers usually copy changes from each other within minutes. If this lasts more than an hour, "
                        + "ask your DNS provider why those servers are not updated, or remove them from the "
                        + "domain's name server list at your registrar.");
    }

    private List<Diagnosis> valueProblems(List<SourceEvidence> definite) {
        List<TxtValue> found = definite.stream().flatMap(s -> challengeAnswer(s).values().stream()).distinct()
                .toList();
        List<Diagnosis> out = new ArrayList<>();
        Optional<TxtValue> padded = found.stream().filter(this::isQuotedOrPadded).findFirst();
        if (padded.isPresent()) {
            out.add(new Diagnosis(Diagnosis.Kind.QUOTES_OR_SPACES,
                    "The value was saved with extra quotes or spaces: \"" + padded.get().text() + "\".",
                    "Edit the record and enter the value without quotes or spaces around it: "
                            + challenge.recordValue() + " (your DNS provider adds any quotes DNS needs itself)."));
        } else {
            boolean ours = found.stream().anyMatch(v -> v.text().startsWith(Challenge.VALUE_PREFIX));
            out.add(new Diagnosis(Diagnosis.Kind.OTHER_VALUE,
                    "The record holds " + found.stream().map(v -> "\"" + v.text() + "\"")
                            .collect(Collectors.joining(", ")) + (ours
                            ? ", which is a verification value from an earlier registration or another organization."
                            : "."),
                    "Change the value to exactly " + challenge.recordValue()
                            + " (or add a second TXT record with it at the same name)."));
        }
        return out;
    }

    private Diagnosis cname(TxtAnswer a) {
        return new Diagnosis(Diagnosis.Kind.CNAME_AT_CHALLENGE,
                challenge.recordName() + " is an alias (CNAME) for " + a.aliasTarget().toString(true)
                        + ". A name with a CNAME cannot hold other records, so the TXT record is hidden.",
                "Delete the CNAME record at " + Challenge.RECORD_LABEL + " and create the TXT record there instead.");
    }

    /** Copies of the value where DNS panels often put it by mistake. */
    private void misplacedCopies(List<Diagnosis> diagnoses) {
        if (foundAnywhere(List.of(names.apex()))) {
            diagnoses.add(new Diagnosis(Diagnosis.Kind.TOKEN_AT_APEX,
                    "The verification value is published at " + challenge.domain().unicode()
                            + " itself, not at " + challenge.recordName() + ".",
                    "Create the TXT record with the name (host) " + Challenge.RECORD_LABEL
                            + ". You can delete the copy at the domain itself afterwards."));
        }
        for (Name doubled : names.doubled()) {
            if (foundAnywhere(List.of(doubled))) {
                diagnoses.add(new Diagnosis(Diagnosis.Kind.NAME_DOUBLED,
                        "The record was found at " + doubled.toString(true) + ": your DNS provider added the "
                                + "domain name to the name you entered, so it appears twice.",
                        "Edit the record and enter only " + Challenge.RECORD_LABEL + " as its name (host); the "
                                + "provider adds the rest."));
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
            if ((a.outcome() == DnsOutcome.NO_SUCH_NAME || a.outcome() == DnsOutcome.NO_RECORDS)) {
                String until = a.negativeTtlSeconds() == null ? ""
                        : " It may keep a cached \"not found\" until " + readable(now.plusSeconds(a.negativeTtlSeconds())) + ".";
                diagnoses.add(new Diagnosis(Diagnosis.Kind.RESOLVER_BEHIND,
                        "This computer's DNS resolver does not see the record yet, although the domain's name "
                                + "servers publish it." + until,
                        "Nothing to fix: it catches up on its own. If it never does, your network may use its own "
                                + "internal version of this domain (split DNS); publish the record there too."));
            } else if (a.outcome() == DnsOutcome.SERVER_FAILURE) {
                diagnoses.add(new Diagnosis(Diagnosis.Kind.RESOLVER_FAILURE,
                        "This computer's DNS resolver fails for the record (" + a.errorText() + "), although the "
                                + "domain's name servers answer.",
                        "This is often a DNSSEC problem: if you turned DNSSEC off or moved the domain, remove the old "
                                + "DS record at your registrar."));
            }
        }
    }
}
