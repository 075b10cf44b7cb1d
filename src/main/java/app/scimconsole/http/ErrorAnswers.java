package app.scimconsole.http;

import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The body of every answer Jetty gives on its own, before or instead of an endpoint: a request it could not parse
 * (400), a request line or headers too long (414, 431), a body over the limit (413) or too slow (408), the queue
 * full or the service stopping (503, with {@code Retry-After} so that Entra comes back), an endpoint that failed
 * (500), and a path with an encoded NUL, which Jetty cannot read (404, as the listener answers any path that names
 * nothing). Each is an RFC 7644 §3.12 error, on both listeners, so a client always gets one kind of error body.
 */
final class ErrorAnswers implements Request.Handler {
    /** Browsers must not guess another type than the one given (a JSON error read as HTML, say). */
    static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    static final String NOSNIFF = "nosniff";

    /**
     * Jetty's reason for a request target with an encoded NUL ({@code %00}) in its path. Jetty refuses it while
     * parsing the request line, whatever the URI compliance allows ({@code HttpURI}: "Byte 0 cannot be present in a
     * UTF-8 sequence ... which we do not wish to allow"), and its error request no longer carries the path.
     */
    static final String NUL_IN_PATH = "Illegal character in path";

    private final int maxBodyBytes;
    private final ScimException notFound;

    /** {@code notFound}: the listener's answer to a path that names nothing. */
    ErrorAnswers(int maxBodyBytes, ScimException notFound) {
        this.maxBodyBytes = maxBodyBytes;
        this.notFound = notFound;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object failure = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        boolean unreadable = failure instanceof HttpException;
        if (unreadable) {
            status = ((HttpException) failure).getCode();
        }
        boolean nulInPath = unreadable && nulInPath((Throwable) failure);
        if (nulInPath) {
            // A path no resource can have, like any path with another control character: nothing is there. Which
            // tenant it named is lost with the path, so no tenant's log can have it (the access log has the line).
            status = notFound.status();
        }
        boolean stopping = request.getConnectionMetaData().getConnector().getServer().isStopping();
        ScimException problem = nulInPath ? notFound : problem(status, stopping);
        ObjectNode body = ErrorResponses.of(problem);
        // The status Jetty chose stands; a problem of another status only lends its words.
        body.put("status", Integer.toString(status));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.SCIM_JSON + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(NOSNIFF_HEADER, NOSNIFF);
        if (unreadable) {
            // Jetty ends a connection whose request it could not read; a client told so opens a new one for its next
            // request instead of sending it on this one as it closes (and getting no answer at all).
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, stopping ? "5" : "2");
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(Json.bytes(body)), callback);
        }
        return true;
    }

    private static boolean nulInPath(Throwable failure) {
        return failure.getCause() instanceof IllegalArgumentException bad && NUL_IN_PATH.equals(bad.getMessage());
    }

    private ScimException problem(int status, boolean stopping) {
        return switch (status) {
            case HttpStatus.REQUEST_TIMEOUT_408 -> new ScimException(ScimProblem.REQUEST_TOO_SLOW);
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> new ScimException(ScimProblem.BODY_TOO_LARGE, maxBodyBytes / 1024);
            case HttpStatus.URI_TOO_LONG_414 -> new ScimException(ScimProblem.REQUEST_LINE_TOO_LONG,
                    Listener.MAX_REQUEST_HEAD / 1024);
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> new ScimException(ScimProblem.HEADERS_TOO_LARGE,
                    Listener.MAX_REQUEST_HEAD / 1024);
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> new ScimException(stopping ? ScimProblem.SERVICE_RESTARTING
                    : ScimProblem.SERVICE_BUSY);
            default -> status >= 500 ? new ScimException(ScimProblem.INTERNAL_ERROR)
                    : new ScimException(ScimProblem.MALFORMED_REQUEST);
        };
    }

    /**
     * Jetty's {@code QoSHandler} refuses a request for which even the queue has no room with a bare 503; this hands
     * such an answer to {@link ErrorAnswers} instead, so that it carries its body and {@code Retry-After}.
     */
    static final class Refusals extends Handler.Wrapper {
        Refusals(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return super.handle(request, new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback done) {
                    if (last && getStatus() == HttpStatus.SERVICE_UNAVAILABLE_503 && !isCommitted()
                            && (content == null || !content.hasRemaining())
                            && getHeaders().get(HttpHeader.CONTENT_TYPE) == null) {
                        Response.writeError(request, getWrapped(), done, HttpStatus.SERVICE_UNAVAILABLE_503);
                    } else {
                        super.write(last, content, done);
                    }
                }
            }, callback);
        }
    }
}
