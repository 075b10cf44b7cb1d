package app.scimconsole.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * HTTP/2 in clear text only for a client that starts with it (prior knowledge, as proxies do). An HTTP/1.1 request
 * asking to upgrade is answered over HTTP/1.1: RFC 9113 §3.1 deprecates that upgrade, proxies do not use it, and a
 * connection switching protocols between a request and its response is the rarely trodden path where a client and
 * the server can wait on each other until the idle timeout.
 */
final class PriorKnowledgeH2c extends HTTP2CServerConnectionFactory {
    PriorKnowledgeH2c(HttpConfiguration http) {
        super(http);
    }

    @Override
    public Connection upgradeConnection(Connector connector, EndPoint endPoint, MetaData.Request request,
            HttpFields.Mutable responseFields) {
        return HttpMethod.PRI.is(request.getMethod())
                ? super.upgradeConnection(connector, endPoint, request, responseFields) : null;
    }
}
