package app.scimconsole.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What a wrong address reaches instead of the service, on loopback: a web server ({@link #url()}) with a web page
 * ({@code /page}), a redirect ({@code /moved}), a failure ({@code /broken}), a "SCIM list" that ignores the filter
 * ({@code /everyone}) and nothing else (404); and a plain-HTTP port ({@link #plainPort()}) that answers before
 * anything is said, as a web server does when someone speaks TLS to it.
 */
final class NotAService implements AutoCloseable {
    private final HttpServer web;
    private final ServerSocket plain;

    NotAService() throws IOException {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            int status = 404;
            String body = "Not Found";
            if (path.startsWith("/page")) {
                status = 200;
                body = "<html><body>Welcome</body></html>";
            } else if (path.startsWith("/moved")) {
                status = 302;
                body = "";
                ex.getResponseHeaders().add("Location", "https://elsewhere.example/scim");
            } else if (path.startsWith("/broken")) {
                status = 500;
                body = "Internal Server Error";
            } else if (path.startsWith("/everyone")) {
                status = 200;
                body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":5,"
                        + "\"Resources\":[]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        web.start();
        plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread plainThread = new Thread(this::answerPlainly, "not-a-service-plain");
        plainThread.setDaemon(true);
        plainThread.start();
    }

    /** The web server, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + web.getAddress().getPort();
    }

    int plainPort() {
        return plain.getLocalPort();
    }

    private void answerPlainly() {
        while (!plain.isClosed()) {
            try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedOrGone) {
                // closed: the loop ends; a client that went away: the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        web.stop(0);
        plain.close();
    }
}
