package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ClientSecretInfo;
import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.AdminApi.OAuthClientInfo;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi.TokenInfo;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.TestUi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CredentialWarningsTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static Overview with(List<TokenInfo> tokens, List<OAuthClientInfo> clients) {
        return new Overview("t1", "https://scim.example.com/scim/v2/t1", true, null, null, null, 0, 0, 0, 0,
                new MappingCoverage(0, 0, 0, 0, 0, 0), List.of(), tokens, null, "OAUTH_CLIENT",
                "https://scim.example.com/oauth2/v1/t1/token", clients);
    }

    static Instant daysAgo(long d) {
        return NOW.minus(Duration.ofDays(d));
    }

    static Instant inDays(long d) {
        return NOW.plus(Duration.ofDays(d));
    }

    @Test
    void aClientSecretIsWarnedAboutWithinThirtyDaysOfItsExpiryNotBefore() {
        var soon = new OAuthClientInfo("scim-a", daysAgo(400), List.of(
                new ClientSecretInfo("s1", daysAgo(335), inDays(30), daysAgo(0))));
        var later = new OAuthClientInfo("scim-b", daysAgo(400), List.of(
                new ClientSecretInfo("s2", daysAgo(334), inDays(31), daysAgo(0))));
        List<Reason> w = CredentialWarnings.of(with(List.of(), List.of(soon, later)), NOW);
        assertThat(w).containsExactly(Reason.of(CredentialWarnings.SECRET_EXPIRING, "scim-a", inDays(30), 30));
    }

    @Test
    void theOlderSecretOfARotationEndingSoonIsIntendedNotWarnedAbout() {
        var rotating = new OAuthClientInfo("scim-a", daysAgo(400), List.of(
                new ClientSecretInfo("old", daysAgo(360), inDays(5), daysAgo(1)),
                new ClientSecretInfo("new", daysAgo(1), inDays(364), daysAgo(0))));
        assertThat(CredentialWarnings.of(with(List.of(), List.of(rotating)), NOW)).isEmpty();
    }

    @Test
    void aCredentialUnusedMoreThanSevenDaysAfterItsCreationIsWarnedAbout() {
        var token = new TokenInfo(daysAgo(8), null, null);
        var fresh = new OAuthClientInfo("scim-a", daysAgo(7), List.of(
                new ClientSecretInfo("s1", daysAgo(7).plusSeconds(60), inDays(358), null)));
        var stale = new OAuthClientInfo("scim-b", daysAgo(10), List.of(
                new ClientSecretInfo("s2", daysAgo(10), inDays(355), null)));
        List<Reason> w = CredentialWarnings.of(with(List.of(token), List.of(fresh, stale)), NOW);
        assertThat(w).containsExactly(Reason.of(CredentialWarnings.TOKEN_UNUSED, daysAgo(8), 8),
                Reason.of(CredentialWarnings.SECRET_UNUSED, "scim-b", daysAgo(10), 10));
    }

    @Test
    void aSecretTokenWithAnExpiryIsWarnedAboutOnlyWhenItIsTheNewest() {
        var current = new TokenInfo(daysAgo(100), daysAgo(0), inDays(3));
        assertThat(CredentialWarnings.of(with(List.of(current), List.of()), NOW))
                .containsExactly(Reason.of(CredentialWarnings.TOKEN_EXPIRING, inDays(3), 3));
        var replaced = new TokenInfo(daysAgo(100), daysAgo(0), NOW.plusSeconds(3600));
        var newest = new TokenInfo(NOW.minusSeconds(60), NOW, null);
        assertThat(CredentialWarnings.of(with(List.of(replaced, newest), List.of()), NOW)).isEmpty();
    }

    @Test
    void aDisabledAppWarnsOfNoCredential() {
        var o = with(List.of(new TokenInfo(daysAgo(30), null, null)), List.of());
        var off = new Overview(o.tenantId(), o.tenantUrl(), false, null, null, null, 0, 0, 0, 0, o.coverage(),
                List.of(), o.tokens(), null);
        assertThat(CredentialWarnings.of(off, NOW)).isEmpty();
    }

    @Test
    void theWarningsReadPlainlyInBothLanguages() {
        var stale = new OAuthClientInfo("scim-b", daysAgo(10), List.of(
                new ClientSecretInfo("s2", daysAgo(10), inDays(20), null)));
        for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            TestUi ui = new TestUi(language);
            List<String> said = CredentialWarnings.of(with(List.of(), List.of(stale)), NOW).stream()
                    .map(r -> ui.kit.reasons().text(r)).toList();
            assertThat(said).hasSize(2).allSatisfy(s -> assertThat(s).contains("scim-b").doesNotContain("{"));
            if (language == Locale.JAPANESE) {
                assertThat(said.get(0)).contains("あと 20 日");
                assertThat(said.get(1)).contains("10 日間一度も使われていません");
            } else {
                assertThat(said.get(0)).contains("(in 20 days)");
                assertThat(said.get(1)).contains("has not been used in 10 days");
            }
        }
    }
}
