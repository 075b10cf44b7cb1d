package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.common.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Setup step 3 says, for the method chosen in step 2, which authentication method to pick in Entra and which of
 * Entra's fields to fill, in English and Japanese: a method with no secret must never ask for one.
 */
class EntraStepTextTest {
    final I18n en = I18n.forLocale(Locale.ENGLISH);
    final I18n ja = I18n.forLocale(Locale.JAPANESE);

    String en(CredentialMethod m) {
        return en.text(m.entraStepKey());
    }

    String ja(CredentialMethod m) {
        return ja.text(m.entraStepKey());
    }

    @Test
    void theSecretTokenAsksForTheTenantUrlAndTheSecretToken() {
        assertThat(en(CredentialMethod.SECRET_TOKEN)).contains("Tenant URL", "Secret Token", "Bearer Authentication")
                .doesNotContain("Client Identifier", "Token Endpoint");
        assertThat(ja(CredentialMethod.SECRET_TOKEN)).contains("テナント URL", "シークレット トークン")
                .doesNotContain("クライアント識別子", "トークン エンドポイント");
    }

    @Test
    void oauthAsksForItsFourFields() {
        assertThat(en(CredentialMethod.OAUTH_CLIENT)).contains("OAuth2 Client Credentials Grant", "Tenant URL",
                "Token Endpoint", "Client Identifier", "Client Secret").doesNotContain("Secret Token");
        assertThat(ja(CredentialMethod.OAUTH_CLIENT)).contains("テナント URL", "トークン エンドポイント",
                "クライアント識別子", "クライアント シークレット").doesNotContain("シークレット トークン");
    }

    @Test
    void federationAsksForThreeFieldsAndNoSecret() {
        assertThat(en(CredentialMethod.FEDERATION)).contains("Workload Identity Federation", "Tenant URL",
                "Token Endpoint", "Client Identifier").doesNotContain("Client Secret", "Secret Token");
        assertThat(ja(CredentialMethod.FEDERATION)).contains("Workload Identity Federation", "テナント URL",
                "トークン エンドポイント", "クライアント識別子")
                .doesNotContain("クライアント シークレット", "シークレット トークン");
    }

    @Test
    void everyMethodHasItsOwnInstructionInBothLanguages() {
        for (CredentialMethod m : CredentialMethod.values()) {
            assertThat(en(m)).as(m.name()).isNotEqualTo(m.entraStepKey()).isNotEqualTo(ja(m));
            assertThat(ja(m)).as(m.name()).isNotEqualTo(m.entraStepKey());
        }
        assertThat(java.util.Arrays.stream(CredentialMethod.values()).map(this::en).distinct()).hasSize(3);
    }
}
