package app.scimconsole.client;

import app.scimconsole.admin.AdminApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Does exactly what Entra's "Test Connection" does -- {@code GET <tenant URL>/Users?filter=userName eq
 * "<random guid>"} with the secret token -- and explains the outcome in plain words.
 */
public final class ConnectionTest {
    public static final String USER_AGENT = "SCIM-Console-ConnectionTest/1";
    /**
     * Carries a tag the admin API issued, so that the service does not take the console's own test for Entra's
     * traffic (the setup waits for Entra's first request). Only an issued tag counts, never what a request claims.
     */
    public static final String TAG_HEADER = AdminApi.CONNECTION_TEST_TAG_HEADER;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final int MAX_BODY = 64 * 1024;

    private final OkHttpClient http;

    public ConnectionTest(Duration timeout) {
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2))
                .followRedirects(false).build();
    }

    public enum Outcome { OK, BAD_URL, UNREACHABLE, TLS, UNAUTHORIZED, WRONG_PATH, NOT_SCIM, SERVER_ERROR }

    public record Result(Outcome outcome, String message, int httpStatus) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** As Entra would; {@code tag} (may be null) marks the request as the console's own, see {@link #TAG_HEADER}. */
    public Result run(String tenantUrl, String secretToken, String tag) {
        HttpUrl base = tenantUrl == null ? null : HttpUrl.parse(tenantUrl.strip());
        if (base == null) {
            return new Result(Outcome.BAD_URL, "The tenant URL is not a valid http(s) address.", 0);
        }
        HttpUrl url = base.newBuilder().addPathSegment("Users")
                .addQueryParameter("filter", "userName eq \"" + UUID.randomUUID() + "\"").build();
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + secretToken)
                .header("Accept", "application/scim+json").header("User-Agent", USER_AGENT)
                .header(TAG_HEADER, tag == null ? "" : tag).get().build();
        try (Response response = http.newCall(request).execute()) {
            return judge(response);
        } catch (UnknownHostException e) {
            return new Result(Outcome.UNREACHABLE, "The host name '" + base.host() + "' could not be found in DNS. "
                    + "Check the spelling of the tenant URL.", 0);
        } catch (SSLException e) {
            return new Result(Outcome.TLS, "A secure (TLS) connection to " + base.host() + " could not be set up: "
                    + e.getMessage() + ". Entra needs HTTPS with TLS 1.2 and a certificate from a public certificate authority.", 0);
        } catch (ConnectException | NoRouteToHostException e) {
            return new Result(Outcome.UNREACHABLE, "Nothing answered at " + base.host() + ":" + base.port()
                    + ". Is the service running, and is the address reachable from the internet?", 0);
        } catch (InterruptedIOException e) {
            return new Result(Outcome.UNREACHABLE, base.host() + ":" + base.port()
                    + " did not answer in time. A firewall may be dropping the connection.", 0);
        } catch (IOException e) {
            return new Result(Outcome.UNREACHABLE, "The connection failed: " + e.getMessage(), 0);
        }
    }

    private static Result judge(Response response) throws IOException {
        int code = response.code();
        if (code == 401 || code == 403) {
            return new Result(Outcome.UNAUTHORIZED, "The service refused the secret token (HTTP " + code
                    + "). Copy the current token again; a rotated or disabled token no longer works.", code);
        }
        if (code == 404 || code == 405) {
            return new Result(Outcome.WRONG_PATH, "The service answered HTTP " + code + " for /Users: the tenant URL "
                    + "probably has a wrong or missing path. It should end with /scim/v2/<tenant id>.", code);
        }
        if (code >= 300 && code < 400) {
            return new Result(Outcome.WRONG_PATH, "The address redirects (HTTP " + code + " to "
                    + response.header("Location") + "); Entra does not follow redirects. Use the final address.", code);
        }
        if (code >= 500) {
            return new Result(Outcome.SERVER_ERROR, "The service failed with HTTP " + code + ".", code);
        }
        JsonNode body = readJson(response.body());
        boolean listResponse = body != null && body.path("schemas").toString().contains(LIST_RESPONSE);
        if (code != 200 || !listResponse || !body.has("totalResults")) {
            return new Result(Outcome.NOT_SCIM, "Something answered (HTTP " + code + "), but not with a SCIM list. "
                    + "Is the tenant URL pointing at this service rather than a web page or another app?", code);
        }
        if (body.path("totalResults").asLong(-1) != 0) {
            return new Result(Outcome.NOT_SCIM, "The service returned users for a name that cannot exist; "
                    + "it does not filter the way Entra expects.", code);
        }
        return new Result(Outcome.OK, "Connected: the service answered exactly as Entra expects.", code);
    }

    private static JsonNode readJson(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        // Read at most MAX_BODY bytes: a wrong URL may point at something that never stops sending.
        BufferedSource source = body.source();
        source.request(MAX_BODY);
        byte[] bytes = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_BODY));
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
