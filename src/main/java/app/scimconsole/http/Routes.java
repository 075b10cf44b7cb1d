package app.scimconsole.http;

import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A listener's endpoints by path prefix; every other path gets {@code notFound}. An endpoint that fails without
 * answering leaves the answer to Jetty, which sends {@link ErrorAnswers}' 500.
 */
final class Routes extends Handler.Abstract {
    private final Map<String, Endpoint> byPrefix;
    private final ScimException notFound;

    Routes(Map<String, Endpoint> byPrefix, ScimException notFound) {
        this.byPrefix = Map.copyOf(byPrefix);
        this.notFound = notFound;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange ex = new Exchange(request, response, callback);
        String path = ex.rawPath();
        for (Map.Entry<String, Endpoint> e : byPrefix.entrySet()) {
            if (path.startsWith(e.getKey())) {
                e.getValue().answer(ex);
                return true;
            }
        }
        ex.sendJson(notFound.status(), ErrorResponses.of(notFound));
        return true;
    }
}
