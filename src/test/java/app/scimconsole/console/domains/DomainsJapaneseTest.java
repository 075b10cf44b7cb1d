package app.scimconsole.console.domains;

import static app.scimconsole.console.NoEnglish.assertNoEnglish;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.DomainDiagnosis;
import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.TestDnsServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Domains view in Japanese shows no English: the service's stored findings and this computer's live check
 * (a real DNS server on loopback) in each state, with every server's answer and every diagnosis and fix.
 */
class DomainsJapaneseTest {
    static final String TOKEN = "a".repeat(52);
    final TestUi ui = new TestUi(Locale.JAPANESE);
    final FakeAdminApi api = new FakeAdminApi();
    TestDnsServer dns;
    DnsChecker checker;
    DomainsViewModel vm;
    final Challenge challenge = new Challenge(app.scimconsole.domains.DomainName.parse("example.com"), TOKEN);

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        dns.zone("example.com", 7, 3600, 300);
        checker = DnsChecker.usingServer(dns.address()).withTimeout(Duration.ofMillis(300)).withClock(ui.clock);
        vm = new DomainsViewModel(ui.kit, () -> api, () -> c -> checker.check(c));
        api.verifyStatus = "PENDING";
        api.addDomain("example.com");
        vm.refresh();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private DomainViewModel domain() {
        return vm.domains().get(0);
    }

    /** Every text the domain's card shows, each checked for English once the values in it are taken out. */
    private List<String> shown() {
        DomainViewModel d = domain();
        List<String> texts = new ArrayList<>(List.of(d.statusTextProperty().get(), d.summaryProperty().get(),
                d.scheduleProperty().get(), d.liveNoteProperty().get()));
        d.servers().forEach(s -> texts.addAll(List.of(s.server(), s.role(), s.answer())));
        d.diagnoses().forEach(x -> texts.addAll(List.of(x.problem(), x.fix())));
        String server = dns.address().getAddress().getHostAddress() + ":" + dns.address().getPort();
        for (String t : texts) {
            assertNoEnglish(t, challenge.recordName(), challenge.recordValue(), Challenge.RECORD_LABEL, "example.com",
                    server, "scim-console-verification=" + "b".repeat(52), "verify.provider.example.net");
        }
        return texts;
    }

    private List<String> checkedNow() {
        domain().checkNow();
        return shown();
    }

    @Test
    void theStoredResultBeforeThisComputerHasChecked() {
        assertThat(shown()).contains("名前 _scim-console-challenge.example.com はまだ存在しません。");
    }

    @Test
    void aNameThatDoesNotExistYetWithTheTimeResolversMayCacheIt() {
        assertThat(checkedNow()).contains("名前が存在しないと応答しました")
                .anySatisfy(t -> assertThat(t).contains("9:05 まで「見つからない」"));
    }

    @Test
    void anotherValueWithItsFix() {
        dns.txt(challenge.recordName(), "scim-console-verification=" + "b".repeat(52));
        assertThat(checkedNow()).anySatisfy(t -> assertThat(t).startsWith("値を正確に " + challenge.recordValue()));
    }

    @Test
    void quotesAroundTheValue() {
        dns.txt(challenge.recordName(), "\"" + challenge.recordValue() + "\"");
        assertThat(checkedNow()).anySatisfy(t -> assertThat(t).startsWith("値が余分な引用符または空白付き"));
    }

    @Test
    void theValueAtTheDomainItselfAndUnderADoubledName() {
        dns.txt("example.com", challenge.recordValue());
        dns.txt(challenge.recordName() + ".example.com", challenge.recordValue());
        assertThat(checkedNow()).anySatisfy(t -> assertThat(t).contains("ドメイン名が二重になっています"))
                .anySatisfy(t -> assertThat(t).contains("自体に公開されています"));
    }

    @Test
    void verified() {
        api.verifyStatus = "VERIFIED";
        dns.txt(challenge.recordName(), challenge.recordValue());
        assertThat(checkedNow()).contains("確認済み", "レコードがあります");
    }

    @Test
    void aDnsServerThatDoesNotAnswer() throws Exception {
        try (ServerSocket closed = new ServerSocket(0)) {
            checker = DnsChecker.usingServer(new InetSocketAddress("127.0.0.1", closed.getLocalPort()))
                    .withTimeout(Duration.ofMillis(300)).withClock(ui.clock);
        }
        api.verifyStatus = "ERROR";
        List<String> texts = checkedNow();
        assertThat(texts).contains("DNS エラー", "ネットワーク経由で接続できませんでした")
                .anySatisfy(t -> assertThat(t).startsWith("DNS から有効な応答が得られなかったため"));
    }

    @Test
    void storedDiagnosesAndAResultOfAnEarlierVersion() {
        DomainEntry e = api.domains.get("example.com");
        api.domains.put("example.com", new DomainEntry(e.domain(), e.recordType(), e.recordName(), e.recordValue(),
                "MISMATCH", Reason.of("domain.check.mismatch", e.recordName()), List.of(new DomainDiagnosis(
                        "CNAME_AT_CHALLENGE", Reason.of("domain.diagnosis.cname.problem", e.recordName(),
                                "verify.provider.example.net"),
                        Reason.of("domain.diagnosis.cname.fix", Challenge.RECORD_LABEL))), ui.clock.instant(),
                e.nextCheck(), null, null));
        vm.refresh();
        assertThat(shown()).contains("値が違います");
        api.domains.put("example.com", new DomainEntry(e.domain(), e.recordType(), e.recordName(), e.recordValue(),
                "EXPIRED", Reason.of("domain.check.legacy"), List.of(), ui.clock.instant(), null, null, null));
        vm.refresh();
        assertThat(shown()).contains("期限切れ").anySatisfy(t -> assertThat(t).contains("「今すぐ確認」"));
    }

    @Test
    void aMistypedDomainIsExplainedInJapanese() {
        assertThat(vm.validate("someone@example.com")).startsWith("メール アドレスのようです。");
        assertNoEnglish(vm.validate("exa_mple.com"), "exa_mple");
    }
}
