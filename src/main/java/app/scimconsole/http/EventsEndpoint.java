package app.scimconsole.http;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.StorageException;
import app.scimconsole.service.EventFeed;
import app.scimconsole.service.EventsRefusal;
import app.scimconsole.service.SignInThrottle;
import app.scimconsole.service.StorageFaults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull feed of directory events, {@code GET /events/v1/<tenant>?after=CURSOR&limit=N}, for an app holding a
 * reader credential of the tenant (never Entra's token, never an admin credential). Only routes: the rules are
 * {@link EventFeed}'s. Every refusal is JSON: {@code status}, {@code code}, {@code args}, {@code detail}.
 */
final class EventsEndpoint implements Endpoint {
    static final String PREFIX = "/events/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);

    private final EventFeed feed;
    private final SignInThrottle failedSignIns;

    EventsEndpoint(EventFeed feed, SignInThrottle failedSignIns) {
        this.feed = feed;
        this.failedSignIns = failedSignIns;
    }

    @Override
    public void answer(Exchange ex) {
        try {
            List<String> segments = RouteTable.segments(ex.rawPath(), PREFIX);
            if (segments.size() != 1) {
                send(ex, 404, "Nothing is here. A tenant's events are at " + PREFIX + "<tenant id>.",
                        Reason.of("events.notFound"));
                return;
            }
            if (!ex.method().equals("GET")) {
                ex.setHeader("Allow", "GET");
                send(ex, 405, "The event feed is read with GET.", Reason.of("events.methodNotAllowed"));
                return;
            }
            String client = ex.clientAddress();
            long wait = failedSignIns.secondsToWait(client);
            if (wait > 0) {
                ex.setHeader("Retry-After", Long.toString(wait));
                send(ex, 429, "Too many wrong reader credentials from " + client + "; try again in " + wait + " s.",
                        Reason.of("events.tooManyWrongCredentials", client, wait));
                return;
            }
            EventFeed.Page page = feed.read(segments.get(0), AdminEndpoint.bearer(ex.header("Authorization")), ex.param("after"),
                    ex.param("limit"));
            ex.sendJson(200, Json.MAPPER.valueToTree(page));
        } catch (EventsRefusal e) {
            if (e.status() == 401) {
                failedSignIns.failed(ex.clientAddress());
                ex.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM Console events\"");
            }
            send(ex, e.status(), e.getMessage(), e.reason());
        } catch (StorageException e) {
            ex.setHeader("Retry-After", Integer.toString(StorageFaults.RETRY_AFTER_SECONDS));
            send(ex, 503, "The service's database is not answering; try again.", Reason.of("events.unavailable"));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering {} {}", ex.method(), ex.rawPath(), e);
            send(ex, 500, "The service could not complete the request.", Reason.of("events.failed"));
        }
    }

    private static void send(Exchange ex, int status, String detail, Reason why) {
        if (ex.status() != 0) {
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", status).put("code", why.code());
        body.set("args", Json.MAPPER.valueToTree(why.args()));
        body.put("detail", detail);
        ex.sendJson(status, body);
    }
}
