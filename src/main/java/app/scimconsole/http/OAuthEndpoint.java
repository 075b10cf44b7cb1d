package app.scimconsole.http;

import app.scimconsole.directory.StorageException;
import app.scimconsole.service.OAuthError;
import app.scimconsole.service.StorageFaults;
import app.scimconsole.service.TokenIssuer;
import app.scimconsole.service.TokenRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's OAuth 2.0 token endpoint, {@code /oauth2/v1/<tenant>/token} (RFC 6749 §4.4), and its authorization
 * server metadata at {@code /.well-known/oauth-authorization-server/oauth2/v1/<tenant>} (RFC 8414 §3). Only routes:
 * the request is read by {@link TokenRequest} and judged by {@link TokenIssuer}.
 */
final class OAuthEndpoint implements Endpoint {
    static final String PREFIX = "/oauth2/v1/";
    static final String METADATA_PREFIX = "/.well-known/oauth-authorization-server" + PREFIX;
    private static final Logger LOG = LoggerFactory.getLogger(OAuthEndpoint.class);

    private final TokenIssuer issuer;
    private final ServiceConfig config;

    OAuthEndpoint(TokenIssuer issuer, ServiceConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    @Override
    public void answer(Exchange ex) {
        boolean metadata = ex.rawPath().startsWith(METADATA_PREFIX);
        List<String> segments = RouteTable.segments(ex.rawPath(), metadata ? METADATA_PREFIX : PREFIX);
        if (metadata && segments.size() == 1) {
            answerMetadata(ex, segments.get(0));
        } else if (!metadata && segments.size() == 2 && segments.get(1).equals("token")) {
            answerToken(ex, segments.get(0));
        } else {
            send(ex, 404, error("invalid_request", "Nothing is here. The token endpoint is " + PREFIX
                    + "<tenant>/token."));
        }
    }

    private void answerMetadata(Exchange ex, String tenantId) {
        if (!ex.method().equals("GET")) {
            ex.setHeader("Allow", "GET");
            send(ex, 405, error("invalid_request", "The metadata is read with GET."));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("issuer", config.oauthIssuer(tenantId))
                .put("token_endpoint", config.tokenEndpoint(tenantId));
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post")
                .add("private_key_jwt"); // the federation trusts' client assertions (RFC 7523 §2.2)
        body.putArray("token_endpoint_auth_signing_alg_values_supported").add("RS256");
        body.putArray("grant_types_supported").add(TokenIssuer.GRANT);
        body.putArray("response_types_supported"); // no authorization endpoint: the client credentials grant only
        send(ex, 200, body);
    }

    private void answerToken(Exchange ex, String tenantId) {
        try {
            if (!ex.method().equals("POST")) {
                ex.setHeader("Allow", "POST");
                send(ex, 405, error("invalid_request", "The token endpoint accepts POST only."));
                return;
            }
            issuer.admit(ex.clientAddress());
            TokenRequest request = TokenRequest.read(ex.header("Content-Type"),
                    ex.header("Authorization"), ex.body());
            TokenIssuer.Grant grant = issuer.issue(tenantId, request, ex.clientAddress());
            send(ex, 200, Json.MAPPER.createObjectNode().put("access_token", grant.accessToken())
                    .put("token_type", "Bearer").put("expires_in", grant.expiresInSeconds()));
        } catch (OAuthError e) {
            if (e.retryAfterSeconds() > 0) {
                ex.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            if (e.code() == OAuthError.Code.INVALID_CLIENT && e.basicUsed()) {
                ex.setHeader("WWW-Authenticate", "Basic realm=\"" + config.oauthIssuer(tenantId) + "\"");
            }
            send(ex, e.code().status(), error(e.code().wire(), e.description()));
        } catch (StorageException e) {
            ex.setHeader("Retry-After", Integer.toString(StorageFaults.RETRY_AFTER_SECONDS));
            send(ex, 503, error("temporarily_unavailable", "The service's database is not answering; try again."));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering {} {}", ex.method(), ex.rawPath(), e);
            send(ex, 500, error("server_error", "The service failed; try again."));
        }
    }

    private static ObjectNode error(String code, String description) {
        return Json.MAPPER.createObjectNode().put("error", code).put("error_description", description);
    }

    /** RFC 6749 §5.1: tokens and errors alike are never cached. */
    private static void send(Exchange ex, int status, ObjectNode body) {
        ex.setHeader("Pragma", "no-cache");
        ex.send(status, "application/json", Json.bytes(body));
    }
}
