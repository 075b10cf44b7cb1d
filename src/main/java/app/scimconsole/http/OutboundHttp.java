package app.scimconsole.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Requests this program makes to other HTTP servers (webhook deliveries, the console's admin client and connection
 * tests), over Jetty's client, which shares its I/O and HTTP jars with the server. Every client made here follows no
 * redirect, uses no proxy, answers a 401 as a 401 (no authentication retried), and runs on daemon threads, so a client
 * that is never stopped never keeps the program alive. A request's answer is its status, its headers and at most a
 * given number of bytes of its body; its failure is the {@link IOException} that says why, a time-out as a
 * {@link SocketTimeoutException}, as {@code java.net} would have said it.
 */
public final class OutboundHttp {
    /** Read the whole body. */
    public static final int WHOLE_BODY = Integer.MAX_VALUE;

    private OutboundHttp() {
    }

    /** The status, the headers and the first bytes of the body of an answer. */
    public record Answer(int status, HttpFields headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * A started client; {@code resolver} may replace the client's own name resolver (given as its argument), which
     * is then the only source of the addresses the client connects to.
     */
    public static HttpClient started(String name, Duration connectTimeout, UnaryOperator<SocketAddressResolver> resolver) {
        HttpClient client = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(16, 1);
        threads.setName(name);
        threads.setDaemon(true);
        client.setExecutor(threads);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(name + "-timer", true);
        client.setScheduler(scheduler);
        client.setSocketAddressResolver(resolver.apply(new SocketAddressResolver.Async(threads, scheduler,
                client.getAddressResolutionTimeout())));
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setFollowRedirects(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client " + name + " did not start", e);
        }
        // a 401 is the caller's to judge: Jetty's handlers (added by start) would retry with stored credentials, and
        // fail a 401 without a challenge as a protocol violation
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return client;
    }

    /** Stops a client made by {@link #started}, closing its connections. */
    public static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // its threads are daemons: nothing is left that keeps the program alive
        }
    }

    /** Sends {@code request} and reads at most {@code maxBody} bytes of the answer's body (the rest is dropped). */
    public static Answer send(Request request, int maxBody) throws IOException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            // the request's own time-outs (total, idle, connect) end the wait; this bound is only a backstop
            long wait = request.getTimeout() > 0 ? request.getTimeout() + 1_000 : Long.MAX_VALUE;
            response = listener.get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw why(e.getCause());
        } catch (TimeoutException e) {
            request.abort(e);
            throw why(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new InterruptedIOException("interrupted");
        }
        try (InputStream in = listener.getInputStream()) {
            return new Answer(response.getStatus(), response.getHeaders(), in.readNBytes(maxBody));
        } catch (IOException e) {
            throw why(e);
        }
    }

    /** What a failure says as an {@link IOException}: Jetty's wrappers removed, a time-out as a socket's. */
    static IOException why(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t != null && t.getClass() == IOException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            SocketTimeoutException timeout = new SocketTimeoutException(t.getMessage());
            timeout.initCause(t);
            return timeout;
        }
        if (t instanceof IOException io) {
            return io;
        }
        return new IOException(String.valueOf(t), t);
    }
}
