package app.scimconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.DnsOutcome;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.domains.ServerCheck;
import app.scimconsole.domains.ServerRole;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.VerificationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code domain verify}'s servers, plain and {@code --json}: which list a name server is on, and the CNAME target a
 * target zone's server was asked about.
 */
class DomainVerifyOutputTest {
    static final String NAME = "_scim-console-challenge.example.com";
    static final String TARGET = "example.challenges.dnshost.net";

    final VerificationResult result = new VerificationResult("example.com", VerificationStatus.PENDING,
            DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED, NAME, 1, 2), List.of(), List.of(
                    row("ns1.example.com", ServerRole.AUTHORITATIVE, DnsOutcome.ALIAS,
                            DomainReason.of(ReasonCode.ANSWER_ALIAS, TARGET), 5L, null),
                    row("ns2.example.com", ServerRole.PARENT_ONLY, DnsOutcome.NO_SUCH_NAME,
                            DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME), 3L, null),
                    row("ns3.example.com", ServerRole.ZONE_ONLY, DnsOutcome.ALIAS,
                            DomainReason.of(ReasonCode.ANSWER_ALIAS, TARGET), 5L, null),
                    row("ns1.dnshost.net", ServerRole.AUTHORITATIVE, DnsOutcome.FOUND,
                            DomainReason.of(ReasonCode.ANSWER_HAS_RECORD), 8L, TARGET)),
            Instant.parse("2025-03-01T10:00:00Z"), null);

    private static ServerCheck row(String host, ServerRole role, DnsOutcome outcome, DomainReason answer, Long serial,
            String target) {
        return new ServerCheck(DomainReason.of(ReasonCode.SERVER_NAMED, host, "192.0.2.1"), role, outcome, true,
                outcome == DnsOutcome.FOUND, List.of(), serial, 4, answer, target);
    }

    @Test
    void thePlainOutputSaysWhichListEachServerIsOnAndWhatItWasAskedAbout() {
        assertThat(DomainCommand.resultText(result).lines().skip(1).toList()).containsExactly(
                "  ns1.example.com (192.0.2.1): says the name is an alias (CNAME) for " + TARGET + " (zone serial 5)",
                "  ns2.example.com (192.0.2.1), listed only at the registrar: says the name does not exist"
                        + " (zone serial 3)",
                "  ns3.example.com (192.0.2.1), listed only in the zone: says the name is an alias (CNAME) for "
                        + TARGET + " (zone serial 5)",
                "  ns1.dnshost.net (192.0.2.1), asked about the CNAME target " + TARGET
                        + ": has the record (zone serial 8)");
    }

    @Test
    void theNewWarningsArePrintedAndCarriedWithTheirCodes() {
        VerificationResult warned = new VerificationResult("example.com", VerificationStatus.VERIFIED,
                DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 2, NAME), List.of(
                        new app.scimconsole.domains.Diagnosis(
                                app.scimconsole.domains.Diagnosis.Kind.NAME_SERVER_WITHOUT_ADDRESS,
                                DomainReason.of(ReasonCode.NS_NO_ADDRESS_PROBLEM, "ns.gone.net", "example.com"),
                                DomainReason.of(ReasonCode.NS_NO_ADDRESS_FIX, "ns.gone.net")),
                        new app.scimconsole.domains.Diagnosis(
                                app.scimconsole.domains.Diagnosis.Kind.DELEGATION_UNCHECKED,
                                DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_PROBLEM, "example.com", "com",
                                        "a.gtld-servers.net (192.0.2.30)"),
                                DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_FIX, "example.com"))),
                result.servers(), Instant.parse("2025-03-01T10:00:00Z"), null);

        assertThat(DomainCommand.resultText(warned)).contains(
                "The name server ns.gone.net is listed for example.com, but its name has no address in DNS",
                "the servers of the parent zone com (a.gtld-servers.net (192.0.2.30)) gave no usable answer");
        JsonNode diagnoses = DomainCommand.result("example.com", warned).path("diagnoses");
        assertThat(diagnoses).extracting(d -> d.path("kind").asText(), d -> d.path("code").asText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("NAME_SERVER_WITHOUT_ADDRESS",
                                "domain.diagnosis.nsNoAddress.problem"),
                        org.assertj.core.groups.Tuple.tuple("DELEGATION_UNCHECKED",
                                "domain.diagnosis.delegationUnread.problem"));
        assertThat(DomainCommand.result("example.com", warned).path("servers")).hasSize(4);
    }

    @Test
    void theJsonServersCarryTheRoleAndTheCnameTarget() {
        JsonNode servers = DomainCommand.result("example.com", result).path("servers");

        assertThat(servers).extracting(s -> s.path("role").asText()).containsExactly("AUTHORITATIVE", "PARENT_ONLY",
                "ZONE_ONLY", "AUTHORITATIVE");
        assertThat(servers.get(0).has("cnameTarget")).isFalse();
        assertThat(servers.get(3).path("cnameTarget").asText()).isEqualTo(TARGET);
        assertThat(servers.get(3).path("name").asText()).isEqualTo("ns1.dnshost.net");
        assertThat(servers.get(3).path("serial").asLong()).isEqualTo(8);
    }
}
