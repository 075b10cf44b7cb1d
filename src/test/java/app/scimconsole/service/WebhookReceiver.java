package app.scimconsole.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** A real HTTP receiver on loopback: records every request and answers with the status its script gives. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String path, String contentType, String signature, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile IntSupplier status = () -> 204;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Scim-Console-Signature"), body));
            int code = exchange.getRequestURI().getPath().equals("/moved") ? 302 : status.getAsInt();
            if (code == 302) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
