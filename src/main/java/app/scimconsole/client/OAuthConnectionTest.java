package app.scimconsole.client;

import app.scimconsole.admin.Reason;
import app.scimconsole.client.ConnectionTest.Outcome;
import app.scimconsole.client.ConnectionTest.Result;
import app.scimconsole.http.OutboundHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;

/**
 * What Entra's "Test Connection" does for the OAuth 2.0 client credentials grant: it first asks the token endpoint
 * for an access token with the client identifier and secret ({@code client_secret_post}, RFC 6749 §2.3.1 and §4.4),
 * then asks the tenant URL for a user that cannot exist with that access token, exactly as {@link ConnectionTest}
 * does with a secret token. A failure at either step is said as a code and its arguments.
 */
public final class OAuthConnectionTest {
    /** The token endpoint is not a valid http(s) address. */
    public static final String SAID_BAD_TOKEN_ENDPOINT = "connectionTest.oauth.badTokenEndpoint";
    /** the host */
    public static final String SAID_TOKEN_HOST_UNKNOWN = "connectionTest.oauth.tokenHostUnknown";
    /** the host, the port */
    public static final String SAID_TOKEN_UNREACHABLE = "connectionTest.oauth.tokenUnreachable";
    /** the host */
    public static final String SAID_TOKEN_TLS = "connectionTest.oauth.tokenTls";
    /** the HTTP status: the token endpoint refused the client identifier or the client secret */
    public static final String SAID_INVALID_CLIENT = "connectionTest.oauth.invalidClient";
    /** the HTTP status: the token endpoint refused to issue a token for a client it accepted */
    public static final String SAID_GRANT_REFUSED = "connectionTest.oauth.grantRefused";
    /** the HTTP status, the RFC 6749 error code */
    public static final String SAID_TOKEN_ERROR = "connectionTest.oauth.tokenError";
    /** the HTTP status: what answered is not a token endpoint */
    public static final String SAID_NOT_A_TOKEN_ENDPOINT = "connectionTest.oauth.notATokenEndpoint";
    /** the HTTP status: the access token was issued, and then refused at the tenant URL */
    public static final String SAID_ACCESS_TOKEN_REFUSED = "connectionTest.oauth.accessTokenRefused";
    /**
     * No args: for federation, the token endpoint answers a client assertion request as one, and the tenant URL
     * refuses a request without a token; what only Entra can do (sign the assertion) is left to its Test Connection.
     */
    public static final String SAID_FEDERATION_READY = "connectionTest.federation.ready";
    /** the HTTP status: the token endpoint issued a token for a client assertion request without its assertion */
    public static final String SAID_TOKEN_WITHOUT_ASSERTION = "connectionTest.federation.tokenWithoutAssertion";
    /** the HTTP status: the tenant URL answered a request that carried no token */
    public static final String SAID_TENANT_URL_OPEN = "connectionTest.federation.tenantUrlOpen";
    public static final List<String> SAID = List.of(SAID_BAD_TOKEN_ENDPOINT, SAID_TOKEN_HOST_UNKNOWN,
            SAID_TOKEN_UNREACHABLE, SAID_TOKEN_TLS, SAID_INVALID_CLIENT, SAID_GRANT_REFUSED, SAID_TOKEN_ERROR,
            SAID_NOT_A_TOKEN_ENDPOINT, SAID_ACCESS_TOKEN_REFUSED, SAID_FEDERATION_READY, SAID_TOKEN_WITHOUT_ASSERTION,
            SAID_TENANT_URL_OPEN);
    /** RFC 7523 §2.2's client_assertion_type. */
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ConnectionTest scim;

    public OAuthConnectionTest(Duration timeout) {
        this.scim = new ConnectionTest(timeout);
    }

    /** As Entra would; {@code tag} (may be null) marks the SCIM request as the console's own. */
    public Result run(String tenantUrl, String tokenEndpoint, String clientId, String clientSecret, String tag) {
        Fields form = new Fields();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        TokenAnswer answer = post(tokenEndpoint, form, OAuthConnectionTest::judge);
        if (answer.refusal() != null) {
            return answer.refusal();
        }
        Result r = scim.run(tenantUrl, answer.accessToken(), tag);
        if (r.outcome() == Outcome.UNAUTHORIZED) {
            // The secret was right (a token was issued): what the tenant URL refused is the access token.
            return new Result(Outcome.UNAUTHORIZED, Reason.of(SAID_ACCESS_TOKEN_REFUSED, r.httpStatus()), r.httpStatus());
        }
        return r;
    }

    /**
     * What can be checked of workload identity federation without signing as Entra: the token endpoint answers a
     * client assertion request that lacks its assertion as an RFC 7523 token endpoint does (a §5.2
     * {@code invalid_request}, never a token), and the tenant URL refuses a request without a token. Only Entra can
     * sign the assertion, so the full check is Entra's own Test Connection.
     */
    public Result runFederation(String tenantUrl, String tokenEndpoint, String clientId, String tag) {
        Fields form = new Fields();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_assertion_type", JWT_BEARER);
        TokenAnswer answer = post(tokenEndpoint, form, OAuthConnectionTest::judgeWithoutAssertion);
        if (answer.refusal() != null) {
            return answer.refusal();
        }
        Result r = scim.run(tenantUrl, "", tag);
        if (r.outcome() == Outcome.UNAUTHORIZED) {
            return new Result(Outcome.OK, Reason.of(SAID_FEDERATION_READY), r.httpStatus());
        }
        if (r.ok()) {
            return new Result(Outcome.NOT_SCIM, Reason.of(SAID_TENANT_URL_OPEN, r.httpStatus()), r.httpStatus());
        }
        return r;
    }

    /** Posts the form to the token endpoint; the answer judged, or why none came. */
    private TokenAnswer post(String tokenEndpoint, Fields form, AnswerJudge judge) {
        WebAddress endpoint = WebAddress.parse(tokenEndpoint);
        if (endpoint == null) {
            return refused(Outcome.BAD_URL, Reason.of(SAID_BAD_TOKEN_ENDPOINT), 0);
        }
        try {
            return judge.judge(OutboundHttp.send(scim.request(endpoint).method(HttpMethod.POST)
                    .body(new FormRequestContent(form)), ConnectionTest.MAX_BODY));
        } catch (UnknownHostException e) {
            return refused(Outcome.UNREACHABLE, Reason.of(SAID_TOKEN_HOST_UNKNOWN, endpoint.host()), 0);
        } catch (SSLException e) {
            return refused(Outcome.TLS, Reason.of(SAID_TOKEN_TLS, endpoint.host()), 0);
        } catch (IOException e) {
            return refused(Outcome.UNREACHABLE, Reason.of(SAID_TOKEN_UNREACHABLE, endpoint.host(), endpoint.port()),
                    0);
        }
    }

    @FunctionalInterface
    private interface AnswerJudge {
        TokenAnswer judge(OutboundHttp.Answer response);
    }

    /** An access token, or why there is none. */
    private record TokenAnswer(String accessToken, Result refusal) {
    }

    private static TokenAnswer judge(OutboundHttp.Answer response) {
        int code = response.status();
        JsonNode body = ConnectionTest.readJson(response.body());
        String error = body == null ? "" : body.path("error").asText("");
        if (code == 200 && body != null && !body.path("access_token").asText("").isEmpty()) {
            return new TokenAnswer(body.path("access_token").asText(), null);
        }
        if ("invalid_client".equals(error) || error.isEmpty() && code == 401) {
            return refused(Outcome.UNAUTHORIZED, Reason.of(SAID_INVALID_CLIENT, code), code);
        }
        if ("invalid_grant".equals(error) || "unauthorized_client".equals(error)) {
            return refused(Outcome.UNAUTHORIZED, Reason.of(SAID_GRANT_REFUSED, code), code);
        }
        if (!error.isEmpty()) {
            return refused(Outcome.NOT_SCIM, Reason.of(SAID_TOKEN_ERROR, code, error), code);
        }
        if (code >= 500) {
            return refused(Outcome.SERVER_ERROR, Reason.of(ConnectionTest.SAID_SERVER_ERROR, code), code);
        }
        return refused(Outcome.WRONG_PATH, Reason.of(SAID_NOT_A_TOKEN_ENDPOINT, code), code);
    }

    /**
     * A client assertion request without its assertion: a token endpoint that speaks RFC 7523 answers §5.2's
     * {@code invalid_request}; a token would mean it checks nothing, anything else that it is not one.
     */
    private static TokenAnswer judgeWithoutAssertion(OutboundHttp.Answer response) {
        int code = response.status();
        JsonNode body = ConnectionTest.readJson(response.body());
        String error = body == null ? "" : body.path("error").asText("");
        if (code == 400 && "invalid_request".equals(error)) {
            return new TokenAnswer(null, null);
        }
        if (code == 200 && body != null && !body.path("access_token").asText("").isEmpty()) {
            return refused(Outcome.NOT_SCIM, Reason.of(SAID_TOKEN_WITHOUT_ASSERTION, code), code);
        }
        if (!error.isEmpty()) {
            return refused(Outcome.NOT_SCIM, Reason.of(SAID_TOKEN_ERROR, code, error), code);
        }
        if (code >= 500) {
            return refused(Outcome.SERVER_ERROR, Reason.of(ConnectionTest.SAID_SERVER_ERROR, code), code);
        }
        return refused(Outcome.WRONG_PATH, Reason.of(SAID_NOT_A_TOKEN_ENDPOINT, code), code);
    }

    private static TokenAnswer refused(Outcome outcome, Reason why, int status) {
        return new TokenAnswer(null, new Result(outcome, why, status));
    }
}
