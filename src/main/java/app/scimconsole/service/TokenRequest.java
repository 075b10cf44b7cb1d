package app.scimconsole.service;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A token request (RFC 6749 §4.4.2) read strictly: a form-encoded body, no parameter twice (§3.2), and exactly one
 * client authentication method (§2.3): {@code client_secret_basic}, {@code client_secret_post}, or a JWT client
 * assertion (RFC 7523 §2.2: {@code client_assertion_type} {@value #JWT_BEARER} with {@code client_assertion}, and
 * {@code client_id} optional).
 */
public record TokenRequest(String grantType, String clientId, String clientSecret, boolean basic,
        String clientAssertion) {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** A request authenticated with a client secret. */
    public TokenRequest(String grantType, String clientId, String clientSecret, boolean basic) {
        this(grantType, clientId, clientSecret, basic, null);
    }
    /**
     * A token request is a few hundred bytes, one with an Entra-signed assertion two or three kilobytes; anything
     * near this is not one.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", clientId=" + clientId + ", clientSecret=(hidden)"
                + (clientAssertion == null ? "" : ", clientAssertion=(hidden)") + "]";
    }

    /** Reads a POST's request, or throws the {@link OAuthError} that says what is wrong with it. */
    public static TokenRequest read(String contentType, String authorization, byte[] body) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals(FORM)) {
            throw OAuthError.request("The body must be " + FORM + ".");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw OAuthError.request("The request body is too large.");
        }
        Map<String, String> form = form(body);
        String[] basic = basic(authorization);
        String postedSecret = form.get("client_secret");
        String postedId = form.get("client_id");
        if (basic != null && postedSecret != null) {
            throw OAuthError.request("Use exactly one client authentication method: HTTP Basic or client_secret.");
        }
        if (basic != null && postedId != null && !postedId.equals(basic[0])) {
            throw OAuthError.request("client_id differs from the client in the Authorization header.");
        }
        String grant = form.get("grant_type");
        if (grant == null) {
            throw OAuthError.request("grant_type is missing.");
        }
        String assertionType = form.get("client_assertion_type");
        String assertion = form.get("client_assertion");
        if (assertionType != null || assertion != null) {
            if (basic != null || postedSecret != null) {
                throw OAuthError.request("Use exactly one client authentication method: a client assertion or a "
                        + "client secret.");
            }
            if (!JWT_BEARER.equals(assertionType)) {
                throw OAuthError.request("client_assertion_type must be " + JWT_BEARER + ".");
            }
            if (assertion == null) {
                throw OAuthError.request("client_assertion is missing.");
            }
            return new TokenRequest(grant, postedId, null, false, assertion);
        }
        return basic != null ? new TokenRequest(grant, basic[0], basic[1], true)
                : new TokenRequest(grant, postedId, postedSecret, false);
    }

    /** The form's parameters; one sent twice is refused, one without a value counts as absent (§3.1). */
    private static Map<String, String> form(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.request("The body is not UTF-8.");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (form.containsKey(name)) {
                throw OAuthError.request("The parameter " + name + " is sent more than once.");
            }
            form.put(name, value);
        }
        form.values().removeIf(String::isEmpty);
        return form;
    }

    /** {@code [id, secret]} from {@code Authorization: Basic}, each form-decoded (§2.3.1); null without the header. */
    private static String[] basic(String authorization) {
        if (authorization == null) {
            return null;
        }
        String h = authorization.trim();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthError.request("Only HTTP Basic client authentication is accepted in the Authorization header.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "The Basic credentials are not Base64.", true);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "The Basic credentials are not client:secret.", true);
        }
        return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.request("A parameter is not form-encoded.");
        }
    }
}
