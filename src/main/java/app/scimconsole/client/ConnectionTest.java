package app.scimconsole.client;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.Reason;
import app.scimconsole.http.OutboundHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * Does exactly what Entra's "Test Connection" does -- {@code GET <tenant URL>/Users?filter=userName eq
 * "<random guid>"} with the secret token -- and says what came of it as a code and its arguments, which the console
 * explains in the owner's language.
 */
public final class ConnectionTest {
    private static final System.Logger LOG = System.getLogger(ConnectionTest.class.getName());
    public static final String USER_AGENT = "SCIM-Console-ConnectionTest/1";
    /**
     * Carries a tag the admin API issued, so that the service does not take the console's own test for Entra's
     * traffic (the setup waits for Entra's first request). Only an issued tag counts, never what a request claims.
     */
    public static final String TAG_HEADER = AdminApi.CONNECTION_TEST_TAG_HEADER;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int MAX_BODY = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    /** {@code timeout}: to connect, and the longest silence while the answer comes; twice that for the whole test. */
    public ConnectionTest(Duration timeout) {
        this.http = ConsoleHttp.connectingWithin(timeout);
        this.timeout = timeout;
    }

    /** A request to {@code url} with this test's time-outs, as the console's own (its user agent). */
    Request request(WebAddress url) {
        return http.newRequest(url.uri()).agent(USER_AGENT).headers(h -> h.put("Accept", "application/json"))
                .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .timeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    }

    public enum Outcome { OK, BAD_URL, UNREACHABLE, TLS, UNAUTHORIZED, WRONG_PATH, NOT_SCIM, SERVER_ERROR }

    // What the outcome says, as codes the console turns into sentences; the arguments are listed with each.
    public static final String SAID_OK = "connectionTest.ok";
    public static final String SAID_BAD_URL = "connectionTest.badUrl";
    /** the host */
    public static final String SAID_UNKNOWN_HOST = "connectionTest.unknownHost";
    /** the host */
    public static final String SAID_TLS = "connectionTest.tls";
    /** the host, the port */
    public static final String SAID_NOTHING_ANSWERS = "connectionTest.nothingAnswers";
    /** the host, the port */
    public static final String SAID_TIMEOUT = "connectionTest.timeout";
    /** the host, the port */
    public static final String SAID_FAILED = "connectionTest.failed";
    /** the HTTP status */
    public static final String SAID_TOKEN_REFUSED = "connectionTest.tokenRefused";
    /** the HTTP status */
    public static final String SAID_WRONG_PATH = "connectionTest.wrongPath";
    /** the HTTP status, where it redirects to */
    public static final String SAID_REDIRECT = "connectionTest.redirect";
    /** the HTTP status */
    public static final String SAID_SERVER_ERROR = "connectionTest.serverError";
    /** the HTTP status */
    public static final String SAID_NOT_SCIM = "connectionTest.notScim";
    public static final String SAID_NOT_FILTERING = "connectionTest.notFiltering";
    public static final List<String> SAID = List.of(SAID_OK, SAID_BAD_URL, SAID_UNKNOWN_HOST, SAID_TLS,
            SAID_NOTHING_ANSWERS, SAID_TIMEOUT, SAID_FAILED, SAID_TOKEN_REFUSED, SAID_WRONG_PATH, SAID_REDIRECT,
            SAID_SERVER_ERROR, SAID_NOT_SCIM, SAID_NOT_FILTERING);

    /** The outcome, what it says (a code and its arguments, see {@link #SAID}) and the HTTP status (0: none came). */
    public record Result(Outcome outcome, Reason said, int httpStatus) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** As Entra would; {@code tag} (may be null) marks the request as the console's own, see {@link #TAG_HEADER}. */
    public Result run(String tenantUrl, String secretToken, String tag) {
        WebAddress base = WebAddress.parse(tenantUrl);
        if (base == null) {
            return new Result(Outcome.BAD_URL, Reason.of(SAID_BAD_URL), 0);
        }
        WebAddress url = base.path("Users").query("filter", "userName eq \"" + UUID.randomUUID() + "\"");
        Request request = request(url).headers(h -> h.put("Authorization", "Bearer " + secretToken)
                .put("Accept", "application/scim+json").put(TAG_HEADER, tag == null ? "" : tag));
        try {
            return judge(OutboundHttp.send(request, MAX_BODY));
        } catch (UnknownHostException e) {
            return new Result(Outcome.UNREACHABLE, Reason.of(SAID_UNKNOWN_HOST, base.host()), 0);
        } catch (SSLException e) {
            // what the TLS layer said helps only someone reading the log
            LOG.log(Level.INFO, "Connection test: no TLS connection to " + base.host() + ": " + e.getMessage());
            return new Result(Outcome.TLS, Reason.of(SAID_TLS, base.host()), 0);
        } catch (ConnectException | NoRouteToHostException e) {
            return new Result(Outcome.UNREACHABLE, Reason.of(SAID_NOTHING_ANSWERS, base.host(), base.port()), 0);
        } catch (InterruptedIOException e) {
            return new Result(Outcome.UNREACHABLE, Reason.of(SAID_TIMEOUT, base.host(), base.port()), 0);
        } catch (IOException e) {
            LOG.log(Level.INFO, "Connection test: the connection to " + base.host() + " failed: " + e.getMessage());
            return new Result(Outcome.UNREACHABLE, Reason.of(SAID_FAILED, base.host(), base.port()), 0);
        }
    }

    private static Result judge(OutboundHttp.Answer response) {
        int code = response.status();
        if (code == 401 || code == 403) {
            return new Result(Outcome.UNAUTHORIZED, Reason.of(SAID_TOKEN_REFUSED, code), code);
        }
        if (code == 404 || code == 405) {
            return new Result(Outcome.WRONG_PATH, Reason.of(SAID_WRONG_PATH, code), code);
        }
        if (code >= 300 && code < 400) {
            return new Result(Outcome.WRONG_PATH, Reason.of(SAID_REDIRECT, code, response.header("Location")), code);
        }
        if (code >= 500) {
            return new Result(Outcome.SERVER_ERROR, Reason.of(SAID_SERVER_ERROR, code), code);
        }
        JsonNode body = readJson(response.body());
        boolean listResponse = body != null && body.path("schemas").toString().contains(LIST_RESPONSE);
        if (code != 200 || !listResponse || !body.has("totalResults")) {
            return new Result(Outcome.NOT_SCIM, Reason.of(SAID_NOT_SCIM, code), code);
        }
        if (body.path("totalResults").asLong(-1) != 0) {
            return new Result(Outcome.NOT_SCIM, Reason.of(SAID_NOT_FILTERING), code);
        }
        return new Result(Outcome.OK, Reason.of(SAID_OK), code);
    }

    /** The JSON of a body (at most its first 64 KB are read: a wrong URL may point at something that never stops). */
    static JsonNode readJson(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
