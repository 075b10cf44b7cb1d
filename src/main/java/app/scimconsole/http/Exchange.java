package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request, its body already read ({@link WholeBody}), and its answer: query parameters and SCIM JSON
 * responses. Sending completes the request; Jetty writes the answer without the caller waiting for the client.
 */
final class Exchange {
    static final String SCIM_JSON = "application/scim+json";

    private final Request request;
    private final Response response;
    private final Callback done;
    private Map<String, String> query;
    private int status;

    Exchange(Request request, Response response, Callback done) {
        this.request = request;
        this.response = response;
        this.done = done;
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Raw (still encoded) path, so an encoded '/' inside an id cannot split a segment. */
    String rawPath() {
        return request.getHttpURI().getPath();
    }

    /** The client's address: the peer's, or the one a trusted proxy forwarded ({@link TrustedProxies}). */
    String clientAddress() {
        return Request.getRemoteAddr(request);
    }

    /**
     * Query parameters, names matched case-insensitively (clients write {@code startIndex} and
     * {@code startindex}); the first occurrence wins. '+' decodes to a space, as Entra encodes its filters.
     */
    String param(String name) {
        return params().get(name.toLowerCase(Locale.ROOT));
    }

    /** All query parameters, as {@link #param} sees them: names lower-cased, the first occurrence of each. */
    Map<String, String> params() {
        if (query == null) {
            Map<String, String> parsed = new LinkedHashMap<>();
            String raw = request.getHttpURI().getQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    parsed.putIfAbsent(key, value);
                }
            }
            query = Collections.unmodifiableMap(parsed);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ScimException(ScimProblem.QUERY_NOT_PERCENT_ENCODED);
        }
    }

    /** The body, read whole and within the listener's limit before the request reached its endpoint. */
    byte[] body() {
        return request.getAttribute(WholeBody.ATTRIBUTE) instanceof byte[] body ? body : new byte[0];
    }

    /** The body as JSON; the media type must be JSON (SCIM or plain), with any charset parameter. */
    JsonNode jsonBody() throws IOException {
        String type = header("Content-Type");
        if (type != null) {
            String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals(SCIM_JSON) && !media.equals("application/json") && !media.isEmpty()) {
                throw new ScimException(ScimProblem.UNSUPPORTED_MEDIA_TYPE, media);
            }
        }
        return Json.parse(body());
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void sendJson(int code, JsonNode body) {
        send(code, SCIM_JSON, Json.bytes(body));
    }

    void send(int code, String contentType, byte[] bytes) {
        answer(code, contentType, ByteBuffer.wrap(bytes));
    }

    void sendEmpty(int code) {
        answer(code, SCIM_JSON, null);
    }

    private void answer(int code, String contentType, ByteBuffer bytes) {
        if (status != 0) {
            throw new IllegalStateException("answered twice: " + status + ", then " + code);
        }
        status = code;
        response.setStatus(code);
        response.getHeaders().put("Content-Type", contentType + "; charset=utf-8");
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put(ErrorAnswers.NOSNIFF_HEADER, ErrorAnswers.NOSNIFF);
        response.write(true, bytes, done);
    }

    /** The status sent, or 0 when nothing has been sent yet. */
    int status() {
        return status;
    }
}
