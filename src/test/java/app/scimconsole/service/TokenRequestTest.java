package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** How a token request's body and Basic header are read (RFC 6749 §2.3.1, §3.1, §3.2, §4.4.2). */
class TokenRequestTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthError.Code refusal(String contentType, String authorization, String body) {
        try {
            TokenRequest.read(contentType, authorization, body(body));
        } catch (OAuthError e) {
            return e.code();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void basicCredentialsAreFormDecodedSoASecretMayHoldAColon() {
        TokenRequest r = TokenRequest.read(FORM, basic("my%20client:s%3Ae+cr%2Bet"), body("grant_type=client_credentials"));
        assertThat(r.clientId()).isEqualTo("my client");
        assertThat(r.clientSecret()).isEqualTo("s:e cr+et");
        assertThat(r.basic()).isTrue();
    }

    @Test
    void postedCredentialsAndTheGrantAreRead() {
        TokenRequest r = TokenRequest.read("Application/X-WWW-Form-Urlencoded; charset=utf-8", null,
                body("grant_type=client_credentials&client_id=c&client_secret=s%26t&scope="));
        assertThat(r).extracting(TokenRequest::grantType, TokenRequest::clientId, TokenRequest::clientSecret,
                TokenRequest::basic).containsExactly("client_credentials", "c", "s&t", false);
        assertThat(r.toString()).doesNotContain("s&t");
    }

    @Test
    void aParameterWithoutAValueCountsAsAbsent() {
        assertThat(refusal(FORM, null, "grant_type=&client_id=c&client_secret=s"))
                .isEqualTo(OAuthError.Code.INVALID_REQUEST);
    }

    @Test
    void aClientIdInTheBodyMustBeTheBasicOne() {
        assertThat(TokenRequest.read(FORM, basic("c:s"), body("grant_type=client_credentials&client_id=c")).clientId())
                .isEqualTo("c");
        assertThat(refusal(FORM, basic("c:s"), "grant_type=client_credentials&client_id=d"))
                .isEqualTo(OAuthError.Code.INVALID_REQUEST);
    }

    @Test
    void malformedInputIsRefusedWithItsCode() {
        assertThat(refusal(FORM, "Bearer abc", "grant_type=client_credentials"))
                .isEqualTo(OAuthError.Code.INVALID_REQUEST);
        assertThat(refusal(FORM, "Basic !!!", "grant_type=client_credentials"))
                .isEqualTo(OAuthError.Code.INVALID_CLIENT);
        assertThat(refusal(FORM, basic("no-colon"), "grant_type=client_credentials"))
                .isEqualTo(OAuthError.Code.INVALID_CLIENT);
        assertThat(refusal(FORM, null, "grant_type=client_credentials&client_id=%zz"))
                .isEqualTo(OAuthError.Code.INVALID_REQUEST);
        assertThat(refusal("text/plain", null, "grant_type=client_credentials"))
                .isEqualTo(OAuthError.Code.INVALID_REQUEST);
        assertThatThrownBy(() -> TokenRequest.read(FORM, null, new byte[] {(byte) 0xff, 'a'}))
                .isInstanceOf(OAuthError.class);
    }
}
