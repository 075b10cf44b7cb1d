package app.scimconsole.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's whole body before the request goes on, without holding a thread while it arrives: Jetty calls
 * back as bytes come, and only a request that has fully arrived takes a place to be answered. So a client that sends
 * half a body holds a connection, never a worker.
 *
 * <p>A body over the limit is read to its end and thrown away before the 413 is sent, because answering and closing
 * while the client is still sending makes the kernel reset the connection and the client never sees the answer.
 * Beyond {@link #DRAIN_LIMIT} nobody is owed that courtesy: the 413 goes out at once and the connection closes.
 *
 * <p>Every byte kept is taken from the process's {@link BodyBudget}; a body that finds it spent is read to its end
 * and thrown away the same way, then answered 503 (try again) and its connection closed. The bytes go back when the
 * request ends, however it ends: answered, failed, or its client gone.
 */
final class WholeBody extends Handler.Wrapper {
    /** The request attribute that holds the body, a {@code byte[]}, for {@link Exchange}. */
    static final String ATTRIBUTE = WholeBody.class.getName();
    static final long DRAIN_LIMIT = 64L << 20;
    /** The most taken for a body before its bytes arrive; a larger one grows as they do. */
    static final int PRESIZED = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WholeBody.class);

    private final int maxBodyBytes;
    private final BodyBudget budget;

    WholeBody(int maxBodyBytes, BodyBudget budget, Handler next) {
        super(next);
        this.maxBodyBytes = maxBodyBytes;
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (request.getLength() > DRAIN_LIMIT) {
            refuseAndClose(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
        } else {
            Reading reading = new Reading(request, response, callback, budget.hold());
            Request.addCompletionListener(request, failure -> reading.hold.release());
            reading.run();
        }
        return true;
    }

    private static void refuseAndClose(Request request, Response response, Callback callback, int status) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        Response.writeError(request, response, callback, status);
    }

    /** One body being read; {@link #run()} is called again by Jetty each time more of it has arrived. */
    private final class Reading implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final BodyBudget.Hold hold;
        /** The bytes kept so far, {@code size} of them; null once the body is thrown away. */
        private byte[] body;
        private int size;
        private long received;
        /** The answer owed once the body is thrown away (413, 503), or 0 while it is being kept. */
        private int refusal;

        Reading(Request request, Response response, Callback callback, BodyBudget.Hold hold) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.hold = hold;
            // A body that says its length (nearly all) is read straight into an array of that length: one copy. Not
            // more than PRESIZED before the bytes come, though: a length is only a claim, and the bytes kept are held
            // within the budget as they arrive.
            long declared = request.getLength();
            this.body = new byte[declared >= 0 && declared <= PRESIZED ? (int) declared : PRESIZED];
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk.getFailure());
                    return;
                }
                keep(chunk.getByteBuffer());
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    arrived();
                    return;
                }
                if (received > DRAIN_LIMIT) {
                    refuseAndClose(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
            }
        }

        private void keep(ByteBuffer bytes) {
            received += bytes.remaining();
            if (refusal != 0) {
                return; // only counted, on the way to the refusal
            }
            if (received > maxBodyBytes) {
                throwAway(HttpStatus.PAYLOAD_TOO_LARGE_413);
                return;
            }
            if (!hold.take(bytes.remaining())) {
                throwAway(HttpStatus.SERVICE_UNAVAILABLE_503);
                return;
            }
            int n = bytes.remaining();
            if (size + n > body.length) {
                body = Arrays.copyOf(body, Math.max(size + n, Math.min(maxBodyBytes, 2 * Math.max(body.length, 1024))));
            }
            bytes.get(body, size, n);
            size += n;
        }

        /** From now on the body is only counted, and {@code status} is the answer once it has all arrived. */
        private void throwAway(int status) {
            refusal = status;
            body = null;
            hold.release();
        }

        private void arrived() {
            if (refusal == HttpStatus.SERVICE_UNAVAILABLE_503) {
                // Busy with other bodies: the client is told to come back, on a new connection.
                refuseAndClose(request, response, callback, refusal);
                return;
            }
            if (refusal != 0) {
                Response.writeError(request, response, callback, refusal);
                return;
            }
            request.setAttribute(ATTRIBUTE, size == body.length ? body : Arrays.copyOf(body, size));
            body = null;
            try {
                if (!getHandler().handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }

        /** The client went away, stalled past the idle timeout, or sent too slowly: one line, no stack trace. */
        private void failed(Throwable why) {
            LOG.info("{} {} from {}: the request stopped after {} bytes of its body ({})", request.getMethod(),
                    request.getHttpURI().getPath(), Request.getRemoteAddr(request), received, describe(why));
            if (why instanceof TimeoutException) {
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408);
            } else {
                callback.failed(why);
            }
        }
    }

    static String describe(Throwable why) {
        String message = why.getMessage();
        return why.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
