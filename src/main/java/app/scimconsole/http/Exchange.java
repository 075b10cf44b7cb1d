package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP request and its answer: query parameters, a size-limited body, and SCIM JSON responses. */
final class Exchange {
    static final String SCIM_JSON = "application/scim+json";

    private final HttpExchange http;
    private final int maxBodyBytes;
    private Map<String, String> query;
    private int status;

    Exchange(HttpExchange http, int maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
    }

    String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** Raw (still encoded) path, so an encoded '/' inside an id cannot split a segment. */
    String rawPath() {
        return http.getRequestURI().getRawPath();
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
            String raw = http.getRequestURI().getRawQuery();
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

    /** Reads the body, refusing more than the limit with 413 without reading it all. */
    byte[] body() throws IOException {
        String declared = header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ScimException(ScimProblem.CONTENT_LENGTH_NOT_A_NUMBER);
            }
        }
        try (InputStream in = http.getRequestBody()) {
            byte[] data = in.readNBytes(maxBodyBytes + 1);
            if (data.length > maxBodyBytes) {
                throw tooLarge();
            }
            return data;
        }
    }

    private ScimException tooLarge() {
        return new ScimException(ScimProblem.BODY_TOO_LARGE, maxBodyBytes / 1024);
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
        http.getResponseHeaders().set(name, value);
    }

    void sendJson(int code, JsonNode body) throws IOException {
        send(code, SCIM_JSON, Json.bytes(body));
    }

    void send(int code, String contentType, byte[] bytes) throws IOException {
        status = code;
        http.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    void sendEmpty(int code) throws IOException {
        status = code;
        http.getResponseHeaders().set("Content-Type", SCIM_JSON + "; charset=utf-8");
        http.sendResponseHeaders(code, -1);
    }

    /** The status sent, or 0 when nothing has been sent yet. */
    int status() {
        return status;
    }

    void close() {
        http.close();
    }
}
