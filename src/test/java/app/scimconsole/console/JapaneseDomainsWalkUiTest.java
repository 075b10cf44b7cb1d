package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.Fonts;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.domains.DomainViewModel;
import app.scimconsole.console.domains.DomainsPaneController;
import app.scimconsole.console.domains.DomainsViewModel;
import app.scimconsole.console.domains.Indicator;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.NameServers;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.domains.TestDnsServer;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The Domains page in Japanese in every state a domain can be in: pending, each mistake people make at their DNS
 * provider, mismatch, verified, each way DNS fails, within the grace period, lost and expired (on a clock moved
 * forward); what only several name servers show; removing a domain; and the offline zone check.
 */
class JapaneseDomainsWalkUiTest extends JapaneseWalkUiTestBase {
    @Test
    void everyDomainState() throws Exception {
        waitUntil("the console has read the service", () -> ctx().overview().get() != null);
        String value = "scim-console-verification=" + "0".repeat(40); // the value someone published by mistake
        judge.withValues(value);
        for (String d : List.of("pending.example", "apex.example", "doubled.example", "quotes.example",
                "other.example", "alias.example", "verified.example", "gone.example", "broken.example")) {
            dns.zone(d, 1, 300, 60);
        }
        fire("#nav-domains");
        waitUntil("the domains are read", () -> node("#emptyLabel").isVisible());
        screen("domains-none");
        type("#newDomainField", "exa_mple.com");
        judge.withValues("exa_mple.com", "exa_mple");
        waitUntil("the name is refused as typed", () -> !text("#newDomainError").isEmpty());
        screen("domains-name-refused-as-typed");
        challengeOf("pending.example");
        checkNow("pending.example", Indicator.PENDING);
        screen("domains-pending-no-record");

        // Each mistake people make at their DNS provider, on a domain of its own.
        Challenge apex = challengeOf("apex.example");
        dns.txt("apex.example", apex.recordValue());
        checkNow("apex.example", Indicator.PENDING);
        screenAt("apex.example", "domains-pending-record-at-the-domain");
        Challenge doubled = challengeOf("doubled.example");
        dns.txt(doubled.recordName() + ".doubled.example", doubled.recordValue());
        checkNow("doubled.example", Indicator.PENDING);
        screenAt("doubled.example", "domains-pending-name-doubled");
        Challenge quoted = challengeOf("quotes.example");
        dns.txt(quoted.recordName(), " \"" + quoted.recordValue() + "\" ");
        checkNow("quotes.example", Indicator.MISMATCH);
        screenAt("quotes.example", "domains-mismatch-quotes-and-spaces");
        Challenge other = challengeOf("other.example");
        dns.txt(other.recordName(), value);
        checkNow("other.example", Indicator.MISMATCH);
        screenAt("other.example", "domains-mismatch-another-value");
        Challenge alias = challengeOf("alias.example");
        dns.cname(alias.recordName(), "verify.provider.example");
        judge.withValues("verify.provider.example");
        checkNow("alias.example", Indicator.PENDING);
        screenAt("alias.example", "domains-pending-cname");

        Challenge verified = challengeOf("verified.example");
        dns.txt(verified.recordName(), verified.recordValue());
        checkNow("verified.example", Indicator.VERIFIED);
        screenAt("verified.example", "domains-verified");

        // The DNS server fails in each way it can.
        challengeOf("broken.example");
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-server-failure");
        dns.mode(TestDnsServer.Mode.REFUSED);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-refused");
        dns.mode(TestDnsServer.Mode.DROP);
        checkNow("broken.example", Indicator.ERROR);
        screenAt("broken.example", "domains-error-no-answer");
        dns.mode(TestDnsServer.Mode.NORMAL);

        // Removing a registration asks first.
        Button remove = fx(() -> (Button) card("broken.example").lookup("#removeButton"));
        reveal(remove);
        clickOn(remove); // a click: the confirmation it opens waits for an answer
        waitUntil("the confirmation opens", () -> lookup("#confirmButton").tryQuery().isPresent());
        shotOf(node("#confirmButton"), "ja-walk-domains-remove-confirmation");
        judgeScreen("domains-remove-confirmation");
        clickOn("#confirmButton");
        waitUntil("the domain is removed", () -> card("broken.example") == null);
        screen("domains-removed");

        // Removed elsewhere (on the command line, say) while the page shows it: checking it fails, in a notification.
        api().removeDomain("alias.example");
        Node aliasCard = card("alias.example");
        Button checkAlias = fx(() -> (Button) aliasCard.lookup("#checkButton"));
        reveal(checkAlias);
        fx(() -> {
            checkAlias.fire();
            return null;
        });
        waitUntil("the failure is notified", () -> app.window().notificationText() != null
                && !app.window().notificationText().isEmpty());
        screen("domains-check-fails-notified");

        // A verified domain whose record disappears: verified for a grace period, then lost. A domain left pending
        // for 72 hours: expired.
        Challenge gone = challengeOf("gone.example");
        dns.txt(gone.recordName(), gone.recordValue());
        checkNow("gone.example", Indicator.VERIFIED);
        dns.remove(gone.recordName());
        checkNow("gone.example", Indicator.VERIFIED);
        waitUntil("the grace period is shown", () -> api().domains().stream()
                .anyMatch(d -> d.domain().equals("gone.example") && d.verificationEnds() != null));
        screenAt("gone.example", "domains-verified-record-missing");
        fire("#nav-overview");
        waitUntil("the grace period is warned about", () -> lookup(".overview-warning").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("gone.example")));
        screen("overview-domain-in-grace");
        fire("#nav-domains");
        clock.advance(RecheckPolicy.GRACE.plusHours(1));
        checkNow("gone.example", Indicator.LOST);
        screenAt("gone.example", "domains-lost");
        checkNow("pending.example", Indicator.EXPIRED);
        screenAt("pending.example", "domains-expired");

        fire("#nav-overview");
        waitUntil("the lost and expired domains are warned about", () -> lookup(".overview-warning").queryAll()
                .stream().filter(n -> ((Label) n).getText().contains("gone.example")
                        || ((Label) n).getText().contains("pending.example")).count() == 2);
        screen("overview-domains");

        // The offline check of a zone file (or a pasted dig answer) before publishing it.
        fire("#nav-domains");
        nameServersTellDifferentStories();

        String zoneDomain = "other.example";
        Challenge checked = challengeOf(zoneDomain);
        fx(() -> {
            ((TitledPane) node("#zonePane")).setExpanded(true);
            ComboBox<DomainViewModel> domain = node("#zoneDomain");
            domain.getSelectionModel().select(domain.getItems().stream().filter(d -> d.domain().equals(zoneDomain))
                    .findFirst().orElseThrow());
            return null;
        });
        String origin = "$ORIGIN " + zoneDomain + ".\n";
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + value + "\"\n", "domains-zone-check-wrong-value");
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + checked.recordValue() + "\"\n",
                "domains-zone-check-would-verify");
        zoneCheck(origin + "_scim-console-challenge 300 IN TXT \"" + checked.recordValue() + "\n",
                "domains-zone-check-unreadable");

        assertAllJapanese();
    }

    /**
     * What only several name servers and a resolver can show (partly published, a resolver behind or failing): the
     * Domains pane, with its live check finding the domain's name servers through a resolver on loopback, in a window
     * of its own beside the console (the console itself sends every DNS query to its one test server).
     */
    void nameServersTellDifferentStories() throws Exception {
        dns.zone("multi.example", 1, 300, 60);
        Challenge multi = challengeOf("multi.example");
        try (NameServers servers = NameServers.start("multi.example", 2)) {
            judge.withValues("ns1.multi.example", "ns2.multi.example", "ns3.multi.example");
            DnsChecker checker = servers.checker().withTimeout(Duration.ofMillis(500)).withClock(clock);
            Stage pane = fx(() -> {
                DomainsViewModel vm = new DomainsViewModel(ctx().ui(), ctx().connection()::api, () -> checker::check);
                Parent root = Views.load("domains/DomainsPane.fxml", new DomainsPaneController(vm, ctx().i18n()),
                        ctx().i18n());
                root.setStyle(Fonts.japaneseStyle());
                ScrollPane scroller = new ScrollPane(root);
                scroller.setFitToWidth(true);
                Scene scene = new Scene(scroller, 1000, 760); // within the headless screen
                Themes.apply(scene, false);
                Stage s = new Stage();
                s.setScene(scene);
                s.show();
                vm.activate();
                return s;
            });
            try {
                waitUntil("the pane shows the domain", () -> paneCard(pane, "multi.example") != null);
                servers.publishOn(multi, 1, 2);
                servers.ns(1).serial("multi.example", 3);
                servers.ns(2).serial("multi.example", 3);
                assertThat(checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING)).isTrue();
                paneScreen(pane, "multi.example", "domains-pending-partly-published");
                servers.publishOn(multi, 3);
                servers.ns(3).serial("multi.example", 3);
                assertThat(checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING)).isTrue();
                paneScreen(pane, "multi.example", "domains-resolver-behind");
                servers.resolver.servfail(multi.recordName());
                assertThat(checkNow(paneCard(pane, "multi.example"), "multi.example", Indicator.PENDING)).isTrue();
                paneScreen(pane, "multi.example", "domains-resolver-failing");
            } finally {
                fx(() -> {
                    pane.close();
                    return null;
                });
            }
        }
    }

    Node paneCard(Stage pane, String domain) {
        return fx(() -> pane.getScene().getRoot().lookupAll(".domain-card").stream()
                .filter(c -> c.lookup("#domainName") instanceof Label l && domain.equals(l.getText())).findFirst()
                .orElse(null));
    }

    void paneScreen(Stage pane, String domain, String name) {
        reveal(paneCard(pane, domain));
        shotOf(pane.getScene().getRoot(), "ja-walk-" + name);
        judgeScreen(name);
    }

    /** The challenge of a domain, added on the Domains page first if it is not there yet. */
    Challenge challengeOf(String domain) {
        if (card(domain) == null) {
            type("#newDomainField", domain);
            fire("#addButton");
            waitUntil("the card of " + domain + " appears", () -> card(domain) != null);
        }
        AdminApi.DomainEntry e = api().domains().stream().filter(d -> d.domain().equals(domain)).findFirst()
                .orElseThrow();
        judge.withValues(e.recordName(), e.recordValue());
        return new Challenge(DomainName.parse(domain), e.recordValue().substring(Challenge.VALUE_PREFIX.length()));
    }

    /** The domain's card on the Domains page, or null. */
    Node card(String domain) {
        return fx(() -> lookup(".domain-card").queryAll().stream()
                .filter(c -> c.lookup("#domainName") instanceof Label l && domain.equals(l.getText())).findFirst()
                .orElse(null));
    }

    /** Presses the card's "Check now" and waits until the service's standing and this computer's check are shown. */
    void checkNow(String domain, Indicator expected) {
        // The page reloads its list when it is shown; a card pressed just before the reload is replaced, and its
        // check is shown on the new card only as the service's standing. Then press the card that is shown now.
        for (int attempt = 1; !checkNow(card(domain), domain, expected); attempt++) {
            if (attempt == 3) {
                throw new AssertionError(domain + ": its card was replaced under every press");
            }
        }
    }

    /** Presses the card's "Check now"; false when the card left the page before its check was shown on it. */
    boolean checkNow(Node card, String domain, Indicator expected) {
        Button check = fx(() -> (Button) card.lookup("#checkButton"));
        reveal(check);
        fx(() -> {
            check.fire();
            return null;
        });
        String status = ctx().i18n().text(expected.key());
        waitUntil(domain + " is checked and " + expected, () -> card.getScene() == null || !check.isDisabled()
                && status.equals(((Label) card.lookup("#statusText")).getText())
                && !((Label) card.lookup("#liveNote")).getText().isEmpty());
        return fx(() -> card.getScene() != null);
    }

    /** Scrolls to the domain's card, saves the window and judges every text on screen. */
    void screenAt(String domain, String name) {
        reveal(card(domain));
        screen(name);
    }

    void zoneCheck(String zoneText, String screen) {
        type("#zoneText", zoneText);
        judge.withValues(zoneText);
        String before = text("#zoneResult");
        fire("#zoneCheckButton");
        waitUntil("the zone text is judged", () -> !text("#zoneResult").isEmpty() && !text("#zoneResult").equals(before));
        reveal(node("#zonePane"));
        screen(screen);
    }
}
