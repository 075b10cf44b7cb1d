package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.xbill.DNS.Name;

/**
 * Follows a CNAME chain from the challenge name to its end, asking at each step the target zone's own authoritative
 * servers for the TXT record (RFC 1034 §3.6.2: an alias's data lives at its target, in the target's zone; the servers
 * of the alias's zone may hold no copy of it, or an old one). Delegating the challenge name by CNAME to a DNS host
 * is common (ACME DNS-01 relies on it). The chain is bounded and a loop is detected, each reported as its own end.
 */
final class CnameChain {
    /**
     * Aliases followed at most. RFC 1034 sets no limit; a delegation needs one alias, and resolvers stop following
     * after about a dozen (BIND's max-query-restarts: 11 since 9.18.29, a fixed 16 before), so a longer chain would
     * fail for resolvers anyway.
     */
    static final int MAX_ALIASES = 8;

    enum End {
        /** The last name is not an alias: its servers' TXT answers decide. */
        REACHED,
        /** The last name is one met before. */
        LOOP,
        /** More than {@link #MAX_ALIASES} aliases. */
        TOO_LONG,
        /** No zone or no server could be found for the last name (e.g. it does not exist). */
        TARGET_NOT_FOUND
    }

    /**
     * @param names    the challenge name, then every target in order
     * @param evidence what each target zone's servers answered about their target name
     * @param warnings what was noticed while finding the target zones' servers (e.g. a listed server without address)
     */
    record Followed(End end, List<Name> names, List<SourceEvidence> evidence, List<Diagnosis> warnings) {
        Followed {
            names = List.copyOf(names);
            evidence = List.copyOf(evidence);
            warnings = List.copyOf(warnings);
        }

        Name last() {
            return names.get(names.size() - 1);
        }

        /** The chain as people read it: {@code a → b → c}. */
        String text() {
            return String.join(" \u2192 ", names.stream().map(n -> n.toString(true)).toList());
        }
    }

    /** Asks one server for the TXT records at one target name, and for the serial of the target's zone. */
    interface Asker {
        CompletableFuture<SourceEvidence> ask(NameServer server, Name target, Name zone);
    }

    private final Function<Name, CompletableFuture<Authorities>> serversOf;
    private final Asker ask;

    /** @param serversOf the servers to ask about a target name (its zone's own, or the one configured server) */
    CnameChain(Function<Name, CompletableFuture<Authorities>> serversOf, Asker ask) {
        this.serversOf = serversOf;
        this.ask = ask;
    }

    CompletableFuture<Followed> follow(Name challenge, Name firstTarget) {
        List<Name> names = new ArrayList<>();
        names.add(challenge);
        return step(names, firstTarget, new ArrayList<>(), new ArrayList<>());
    }

    private CompletableFuture<Followed> step(List<Name> names, Name target, List<SourceEvidence> evidence,
            List<Diagnosis> warnings) {
        boolean loop = names.contains(target);
        names.add(target);
        if (loop) {
            return done(End.LOOP, names, evidence, warnings);
        }
        if (names.size() - 1 > MAX_ALIASES) {
            return done(End.TOO_LONG, names, evidence, warnings);
        }
        return serversOf.apply(target).thenCompose(authorities -> {
            warnings.addAll(authorities.warnings());
            if (authorities.servers().isEmpty()) {
                return done(End.TARGET_NOT_FOUND, names, evidence, warnings);
            }
            List<CompletableFuture<SourceEvidence>> asked = authorities.servers().stream()
                    .map(s -> ask.ask(s, target, authorities.zone())).toList();
            return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenCompose(v -> {
                List<SourceEvidence> answers = asked.stream().map(CompletableFuture::join).toList();
                evidence.addAll(answers);
                Name next = nextAlias(answers, target);
                return next == null ? done(End.REACHED, names, evidence, warnings)
                        : step(names, next, evidence, warnings);
            });
        });
    }

    /** The target the servers name when the name is an alias again (answers that count only), else null. */
    static Name nextAlias(List<SourceEvidence> answers, Name name) {
        return answers.stream().filter(s -> s.role().decides())
                .filter(s -> s.answerFor(name).authoritative() || !s.role().mustBeAuthoritative())
                .map(s -> s.answerFor(name)).filter(a -> a.outcome() == DnsOutcome.ALIAS)
                .map(TxtAnswer::aliasTarget).findFirst().orElse(null);
    }

    private static CompletableFuture<Followed> done(End end, List<Name> names, List<SourceEvidence> evidence,
            List<Diagnosis> warnings) {
        return CompletableFuture.completedFuture(new Followed(end, names, evidence, warnings));
    }
}
