package app.scimconsole.domains;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every reason the domain checks and the domain operations give, with the kinds of its arguments in order. The
 * wire form ({@link #code()}) is stable: it is stored, sent over the admin API and printed by {@code --json}; the
 * edges keep one sentence per code in their bundles. Nothing here is a sentence.
 */
public enum ReasonCode {
    // ---- what a check found (the summary) --------------------------------------------------------------------
    /** found on name servers: how many have it, how many were asked, the record name */
    CHECK_VERIFIED("domain.check.verified", Arg.COUNT, Arg.COUNT, Arg.TEXT),
    /** the one configured DNS server has it: the record name */
    CHECK_VERIFIED_BY_SERVER("domain.check.verifiedByServer", Arg.TEXT),
    /** offline: the zone file has it: the record name */
    CHECK_ZONE_WOULD_VERIFY("domain.check.zoneWouldVerify", Arg.TEXT),
    /**
     * every name server that gave a usable answer has it, but some gave none: how many have it, how many were asked,
     * the record name, the servers without a usable answer (a list of names)
     */
    CHECK_VERIFIED_SOME_SILENT("domain.check.verifiedSomeSilent", Arg.COUNT, Arg.COUNT, Arg.TEXT, Arg.TEXT),
    /**
     * the record name is an alias whose target holds the record: how many of the target's name servers have it, how
     * many were asked, the record name, the target
     */
    CHECK_VERIFIED_DELEGATED("domain.check.verifiedDelegated", Arg.COUNT, Arg.COUNT, Arg.TEXT, Arg.TEXT),
    /**
     * the same as {@link #CHECK_VERIFIED_DELEGATED} through more than one alias: how many of the last target's name
     * servers have it, how many were asked, the record name, the last target, the whole chain of names
     */
    CHECK_VERIFIED_DELEGATED_CHAIN("domain.check.verifiedDelegatedChain", Arg.COUNT, Arg.COUNT, Arg.TEXT, Arg.TEXT,
            Arg.TEXT),
    /** the record name, how many name servers have it, how many were asked */
    CHECK_PARTLY_PUBLISHED("domain.check.partlyPublished", Arg.TEXT, Arg.COUNT, Arg.COUNT),
    /** how many have it, how many were asked, the servers without a usable answer (a list of names) */
    CHECK_TOO_FEW_ANSWERS("domain.check.tooFewAnswers", Arg.COUNT, Arg.COUNT, Arg.TEXT),
    /** the record name */
    CHECK_MISMATCH("domain.check.mismatch", Arg.TEXT),
    /** the record name */
    CHECK_ALIAS("domain.check.alias", Arg.TEXT),
    /** the record name */
    CHECK_NO_SUCH_NAME("domain.check.noSuchName", Arg.TEXT),
    /** the record name, until when resolvers may keep a cached "not found" */
    CHECK_NO_SUCH_NAME_CACHED("domain.check.noSuchNameCached", Arg.TEXT, Arg.INSTANT),
    /** the record name */
    CHECK_NO_RECORDS("domain.check.noRecords", Arg.TEXT),
    /** the record name, until when resolvers may keep a cached "not found" */
    CHECK_NO_RECORDS_CACHED("domain.check.noRecordsCached", Arg.TEXT, Arg.INSTANT),
    /** the servers without a usable answer (a list of names) */
    CHECK_NO_USABLE_ANSWER("domain.check.noUsableAnswer", Arg.TEXT),
    /** the zone, its parent zone, whose servers say the zone does not exist (see {@link #NOT_DELEGATED_PROBLEM}) */
    CHECK_NOT_DELEGATED("domain.check.notDelegated", Arg.TEXT, Arg.TEXT),
    /**
     * a stored result this version cannot read: an English sentence stored by an earlier version, or a code of a
     * later one
     */
    CHECK_LEGACY("domain.check.legacy"),

    // ---- why no name server could be asked (also a summary); the domain first --------------------------------
    NO_SERVERS_NO_ZONE("domain.noServers.noZone", Arg.TEXT),
    NO_SERVERS_NOT_IN_DNS("domain.noServers.notInDns", Arg.TEXT),
    /** the domain, the resolver's address, the DNS error (e.g. SERVFAIL) */
    NO_SERVERS_RESOLVER_FAILED("domain.noServers.resolverFailed", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the domain, the resolver's address */
    NO_SERVERS_RESOLVER_TIMEOUT("domain.noServers.resolverTimeout", Arg.TEXT, Arg.TEXT),
    /** the domain, the resolver's address */
    NO_SERVERS_RESOLVER_UNREACHABLE("domain.noServers.resolverUnreachable", Arg.TEXT, Arg.TEXT),
    /** the domain, the zone */
    NO_SERVERS_NONE_LISTED("domain.noServers.noneListed", Arg.TEXT, Arg.TEXT),
    /** the domain, the name servers' names (a list) */
    NO_SERVERS_NO_ADDRESSES("domain.noServers.noAddresses", Arg.TEXT, Arg.TEXT),
    NO_SERVERS_NONE_TO_ASK("domain.noServers.noneToAsk", Arg.TEXT),

    // ---- who was asked ------------------------------------------------------------------------------------------
    /** a zone's name server: its name, its address */
    SERVER_NAMED("domain.server.named", Arg.TEXT, Arg.TEXT),
    /** this computer's resolver: its address (and port) */
    SERVER_RESOLVER("domain.server.resolver", Arg.TEXT),
    /** the server given with --dns-server: its address (and port) */
    SERVER_GIVEN("domain.server.given", Arg.TEXT),
    SERVER_ZONE_FILE("domain.server.zoneFile"),

    // ---- what one server answered -------------------------------------------------------------------------------
    ANSWER_HAS_RECORD("domain.answer.hasRecord"),
    /** the values found (a list) */
    ANSWER_OTHER_VALUE("domain.answer.otherValue", Arg.TEXT),
    ANSWER_NO_SUCH_NAME("domain.answer.noSuchName"),
    /** this server's zone serial, the newest serial seen */
    ANSWER_NO_SUCH_NAME_BEHIND("domain.answer.noSuchNameBehind", Arg.TEXT, Arg.TEXT),
    ANSWER_NO_RECORDS("domain.answer.noRecords"),
    /** this server's zone serial, the newest serial seen */
    ANSWER_NO_RECORDS_BEHIND("domain.answer.noRecordsBehind", Arg.TEXT, Arg.TEXT),
    /** the alias's target */
    ANSWER_ALIAS("domain.answer.alias", Arg.TEXT),
    ANSWER_REFERRAL("domain.answer.referral"),
    /** the server's error (e.g. SERVFAIL, or an extended DNS error's words) */
    ANSWER_FAILURE("domain.answer.failure", Arg.TEXT),
    ANSWER_REFUSED("domain.answer.refused"),
    /** the time limit in seconds */
    ANSWER_TIMEOUT_SECONDS("domain.answer.timeoutSeconds", Arg.COUNT),
    /** the time limit in milliseconds */
    ANSWER_TIMEOUT_MILLIS("domain.answer.timeoutMillis", Arg.COUNT),
    ANSWER_UNREACHABLE("domain.answer.unreachable"),
    ANSWER_NOT_AUTHORITATIVE("domain.answer.notAuthoritative"),

    // ---- diagnoses: what is wrong, and what to do ---------------------------------------------------------------
    /** the domain, the record name */
    TOKEN_AT_APEX_PROBLEM("domain.diagnosis.tokenAtApex.problem", Arg.TEXT, Arg.TEXT),
    /** the record's host label */
    TOKEN_AT_APEX_FIX("domain.diagnosis.tokenAtApex.fix", Arg.TEXT),
    /** the doubled name */
    DOUBLED_NAME_PROBLEM("domain.diagnosis.nameDoubled.problem", Arg.TEXT),
    /** the record's host label */
    DOUBLED_NAME_FIX("domain.diagnosis.nameDoubled.fix", Arg.TEXT),
    /** the value as saved */
    QUOTES_OR_SPACES_PROBLEM("domain.diagnosis.quotesOrSpaces.problem", Arg.TEXT),
    /** the expected value */
    QUOTES_OR_SPACES_FIX("domain.diagnosis.quotesOrSpaces.fix", Arg.TEXT),
    /** the values found (a list) */
    OTHER_VALUE_PROBLEM("domain.diagnosis.otherValue.problem", Arg.TEXT),
    /** the values found (a list), among them a verification value of this product */
    OTHER_VALUE_OURS_PROBLEM("domain.diagnosis.otherValue.oursProblem", Arg.TEXT),
    /** the expected value */
    OTHER_VALUE_FIX("domain.diagnosis.otherValue.fix", Arg.TEXT),
    /** the record name, the alias's target */
    CNAME_PROBLEM("domain.diagnosis.cname.problem", Arg.TEXT, Arg.TEXT),
    /** the record's host label */
    CNAME_FIX("domain.diagnosis.cname.fix", Arg.TEXT),
    /** the chain of names, from the record name to the name met twice */
    CNAME_LOOP_PROBLEM("domain.diagnosis.cnameLoop.problem", Arg.TEXT),
    /** the chain of names as far as it was followed, the most aliases followed */
    CNAME_TOO_LONG_PROBLEM("domain.diagnosis.cnameTooLong.problem", Arg.TEXT, Arg.COUNT),
    /** the record's host label */
    CNAME_CHAIN_FIX("domain.diagnosis.cnameChain.fix", Arg.TEXT),
    /** the chain of names, from the record name to the one that does not exist; that name */
    CNAME_TARGET_MISSING_PROBLEM("domain.diagnosis.cnameTargetMissing.problem", Arg.TEXT, Arg.TEXT),
    /** the name that does not exist, the record's host label */
    CNAME_TARGET_MISSING_FIX("domain.diagnosis.cnameTargetMissing.fix", Arg.TEXT, Arg.TEXT),
    /** how many have it, how many were asked, the servers without it (a list) */
    PARTIALLY_PUBLISHED_PROBLEM("domain.diagnosis.partiallyPublished.problem", Arg.COUNT, Arg.COUNT, Arg.TEXT),
    PARTIALLY_PUBLISHED_FIX("domain.diagnosis.partiallyPublished.fix"),
    RESOLVER_BEHIND_PROBLEM("domain.diagnosis.resolverBehind.problem"),
    /** until when the resolver may keep a cached "not found" */
    RESOLVER_BEHIND_CACHED_PROBLEM("domain.diagnosis.resolverBehind.cachedProblem", Arg.INSTANT),
    RESOLVER_BEHIND_FIX("domain.diagnosis.resolverBehind.fix"),
    /** the resolver's error */
    RESOLVER_FAILURE_PROBLEM("domain.diagnosis.resolverFailure.problem", Arg.TEXT),
    RESOLVER_FAILURE_FIX("domain.diagnosis.resolverFailure.fix"),
    // The server warnings name the zone and the name asked: along a CNAME chain, servers of several zones are asked.
    /** the server (name and address), the zone it serves, the name it was asked about (the challenge or a hop) */
    SERVER_TIMED_OUT_PROBLEM("domain.diagnosis.serverTimedOut.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the server (name and address), the zone it serves, the name it was asked about */
    SERVER_UNREACHABLE_PROBLEM("domain.diagnosis.serverUnreachable.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    SERVER_DOWN_FIX("domain.diagnosis.serverDown.fix"),
    /** the server (name and address), the zone it should serve, the name it was asked about */
    SERVER_REFUSES_PROBLEM("domain.diagnosis.serverRefuses.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the server (name and address), the zone it should serve, the name it was asked about, its error */
    SERVER_FAILS_PROBLEM("domain.diagnosis.serverFails.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the server (name and address), the zone it should serve, the name it was asked about */
    SERVER_NOT_AUTHORITATIVE_PROBLEM("domain.diagnosis.serverNotAuthoritative.problem", Arg.TEXT, Arg.TEXT,
            Arg.TEXT),
    SERVER_LAME_FIX("domain.diagnosis.serverLame.fix"),
    /** the name server's host name, which the parent's delegation lists and the zone's NS records do not */
    PARENT_ONLY_PROBLEM("domain.diagnosis.delegation.parentOnlyProblem", Arg.TEXT),
    /** the same, when that server answers without the record */
    PARENT_ONLY_WITHOUT_RECORD_PROBLEM("domain.diagnosis.delegation.parentOnlyWithoutRecordProblem", Arg.TEXT),
    /** the name server's host name, which the zone's NS records list and the parent's delegation does not */
    ZONE_ONLY_PROBLEM("domain.diagnosis.delegation.zoneOnlyProblem", Arg.TEXT),
    /** the name server's host name */
    DELEGATION_FIX("domain.diagnosis.delegation.fix", Arg.TEXT),
    /** the zone, its parent zone, the parent's servers that were asked (a list of names) */
    DELEGATION_UNREADABLE_PROBLEM("domain.diagnosis.delegationUnread.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the zone, its parent zone (whose servers could not be found) */
    DELEGATION_PARENT_UNKNOWN_PROBLEM("domain.diagnosis.delegationUnread.parentUnknownProblem", Arg.TEXT, Arg.TEXT),
    /** the zone */
    DELEGATION_UNREADABLE_FIX("domain.diagnosis.delegationUnread.fix", Arg.TEXT),
    /** the zone, its parent zone, the parent's servers that answered that the zone does not exist (a list) */
    NOT_DELEGATED_PROBLEM("domain.diagnosis.notDelegated.problem", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    /** the zone */
    NOT_DELEGATED_FIX("domain.diagnosis.notDelegated.fix", Arg.TEXT),
    /** the name server's host name (listed, but without any A or AAAA record), the zone */
    NS_NO_ADDRESS_PROBLEM("domain.diagnosis.nsNoAddress.problem", Arg.TEXT, Arg.TEXT),
    /** the name server's host name */
    NS_NO_ADDRESS_FIX("domain.diagnosis.nsNoAddress.fix", Arg.TEXT),

    // ---- the operations' refusals -------------------------------------------------------------------------------
    /** the domain */
    NOT_REGISTERED("domain.error.notRegistered", Arg.TEXT),
    /** the domain, the grace period in hours after which the other organization loses it */
    VERIFIED_ELSEWHERE("domain.error.verifiedElsewhere", Arg.TEXT, Arg.COUNT),

    // ---- a text that is not a domain name we can verify ---------------------------------------------------------
    NAME_EMPTY("domain.name.empty"),
    /** the text */
    NAME_IP_ADDRESS("domain.name.ipAddress", Arg.TEXT),
    /** the text */
    NAME_NOT_FULL("domain.name.notFull", Arg.TEXT),
    /** the most characters allowed, the characters it has */
    NAME_TOO_LONG("domain.name.tooLong", Arg.COUNT, Arg.COUNT),
    /** the text */
    NAME_ENDS_IN_NUMBER("domain.name.endsInNumber", Arg.TEXT),
    NAME_EMAIL_ADDRESS("domain.name.emailAddress"),
    NAME_WEB_ADDRESS("domain.name.webAddress"),
    /** the text */
    NAME_EMPTY_PART("domain.name.emptyPart", Arg.TEXT),
    /** the part */
    NAME_BAD_CHARACTERS("domain.name.badCharacters", Arg.TEXT),
    /** the part (shortened), the most characters allowed */
    NAME_PART_TOO_LONG("domain.name.partTooLong", Arg.TEXT, Arg.COUNT),
    /** the part */
    NAME_HYPHEN_AT_END("domain.name.hyphenAtEnd", Arg.TEXT),
    /** the part: "--" in its third and fourth characters, which only an xn-- label may have */
    NAME_HYPHENS_3_4("domain.name.hyphens34", Arg.TEXT),
    /** the part: it starts with a combining mark (an accent with no letter before it) */
    NAME_STARTS_WITH_MARK("domain.name.startsWithMark", Arg.TEXT),
    /** the part: an xn-- label that is not valid punycode, or does not decode to a valid name */
    NAME_BAD_PUNYCODE("domain.name.badPunycode", Arg.TEXT),
    /** the part: a zero-width joiner or non-joiner where IDNA2008 does not allow one (RFC 5892 CONTEXTJ) */
    NAME_JOINER("domain.name.joiner", Arg.TEXT),
    /** the part: a character allowed only beside certain others, e.g. a middle dot between two l (CONTEXTO) */
    NAME_CONTEXT("domain.name.context", Arg.TEXT),
    /** the part, or the whole name: right-to-left and left-to-right text mixed against RFC 5893 */
    NAME_BIDI("domain.name.bidi", Arg.TEXT),

    // ---- a --dns-server that is not one ------------------------------------------------------------------------
    DNS_SERVER_EMPTY("domain.dnsServer.empty"),
    /** the text */
    DNS_SERVER_UNCLOSED("domain.dnsServer.unclosed", Arg.TEXT),
    DNS_SERVER_IPV6_FORM("domain.dnsServer.ipv6Form"),
    /** the text */
    DNS_SERVER_BAD_PORT("domain.dnsServer.badPort", Arg.TEXT),
    /** the host */
    DNS_SERVER_UNKNOWN("domain.dnsServer.unknown", Arg.TEXT),

    // ---- zone text that the offline check cannot read -----------------------------------------------------------
    /** the file's name, the largest size in MB */
    ZONE_FILE_TOO_LARGE("domain.zone.fileTooLarge", Arg.TEXT, Arg.COUNT),
    /** the largest size in MB */
    ZONE_TEXT_TOO_LARGE("domain.zone.textTooLarge", Arg.COUNT),
    /** the file */
    ZONE_FILE_UNREADABLE("domain.zone.fileUnreadable", Arg.TEXT),
    ZONE_INCLUDE("domain.zone.include"),
    /** the line (the zone parser's own words are English, from the DNS library: they go to the log only) */
    ZONE_SYNTAX("domain.zone.syntax", Arg.COUNT),
    ZONE_UNREADABLE("domain.zone.unreadable");

    /** How an argument is written: text as it is, a whole number, or an ISO-8601 instant (shown as local time). */
    public enum Arg { TEXT, COUNT, INSTANT }

    private static final Map<String, ReasonCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ReasonCode::code, Function.identity()));

    private final String code;
    private final List<Arg> args;

    ReasonCode(String code, Arg... args) {
        this.code = code;
        this.args = List.of(args);
    }

    /** The stable wire form, e.g. {@code domain.check.noSuchName}. */
    public String code() {
        return code;
    }

    /** The kinds of the arguments, in order. */
    public List<Arg> args() {
        return args;
    }

    public static Optional<ReasonCode> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
