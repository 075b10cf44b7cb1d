package app.scimconsole.http;

import app.scimconsole.scim.ScimProblem;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Answers 503 at once for requests that arrived while every worker was busy and the queue was full. */
final class LoadShedding extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (Thread.currentThread() instanceof WorkerPool.SheddingThread) {
            Refusal.serviceUnavailable(exchange, 2, ScimProblem.SERVICE_BUSY);
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "refuses requests the worker queue had no room for";
    }
}
