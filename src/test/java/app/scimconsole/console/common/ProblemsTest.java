package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.common.Problems.PlainException;
import app.scimconsole.console.context.ServiceConnection;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.InvalidDomainException;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.http.ServiceConfig;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The admin client's failures, caused for real (a closed port, a bad address, a server answering 401 or 500),
 * reach the owner in the console's language: the English bundle says what the client's own sentence says, the
 * Japanese one says it in Japanese with the same details. So does the embedded service's failure to start.
 */
class ProblemsTest {
    private static final I18n EN = I18n.forLocale(Locale.ENGLISH);
    private static final I18n JA = I18n.forLocale(Locale.JAPANESE);

    @ParameterizedTest
    @EnumSource(AdminException.Reason.class)
    void everyReasonHasAnEnglishAndAJapaneseSentence(AdminException.Reason reason) {
        String key = Problems.reasonKey("problem.admin.", reason);
        assertThat(EN.text(key)).isNotEqualTo(key);
        assertThat(JA.text(key)).isNotEqualTo(key).isNotEqualTo(EN.text(key));
    }

    @Test
    void aServiceThatIsNotRunning() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        AdminException e = failureOf(() -> new AdminClient("http://127.0.0.1:" + port + "/admin/v1", "x").overview());
        assertThat(e.reason()).isEqualTo(AdminException.Reason.UNREACHABLE);
        assertThat(Problems.describe(e, EN)).isEqualTo(e.getMessage());
        assertThat(Problems.describe(e, JA)).isEqualTo("127.0.0.1:" + port + " のサービスが起動していないか、接続できません。");
    }

    @Test
    void anAddressThatIsNotOne() {
        AdminException e = failureOf(() -> new AdminClient("not a url", "x"));
        assertThat(e.reason()).isEqualTo(AdminException.Reason.INVALID_ADDRESS);
        assertThat(Problems.describe(e, EN)).isEqualTo("“not a url” is not a valid http(s) address.");
        assertThat(Problems.describe(e, JA)).isEqualTo("「not a url」は有効な http(s) のアドレスではありません。");
    }

    @Test
    void aRefusedCredentialAndAFailingServiceWithoutWordsOfTheirOwn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/refusing", ex -> {
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.createContext("/failing", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        // what an admin API or another program says in its own words (English) is for logs, not for the owner
        server.createContext("/refusingInWords", ex -> answer(ex, 401,
                "{\"status\":\"401\",\"detail\":\"The admin credential is missing or not valid.\"}"));
        server.createContext("/scimHere", ex -> answer(ex, 404, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"status\":\"404\",\"detail\":\"Nothing here. The admin API is elsewhere.\"}"));
        server.createContext("/page", ex -> answer(ex, 200, "<html><body>Welcome</body></html>"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            AdminException refused = failureOf(() -> new AdminClient(base + "/refusing", "x").overview());
            assertThat(refused.reason()).isEqualTo(AdminException.Reason.CREDENTIAL_REFUSED);
            assertThat(Problems.describe(refused, EN))
                    .isEqualTo("The service refused the admin credential. Check it on the Connection page.");
            assertThat(Problems.describe(refused, JA)).isEqualTo("サービスが管理用資格情報を拒否しました。[接続] で確認してください。");
            AdminException refusedInWords = failureOf(() -> new AdminClient(base + "/refusingInWords", "x").overview());
            assertThat(refusedInWords.getMessage()).isEqualTo("The admin credential is missing or not valid.");
            assertThat(Problems.describe(refusedInWords, JA)).isEqualTo(Problems.describe(refused, JA));
            for (String elsewhere : List.of("/scimHere", "/page")) {
                AdminException notAService = failureOf(() -> new AdminClient(base + elsewhere, "x").overview());
                assertThat(notAService.reason()).as(elsewhere).isEqualTo(AdminException.Reason.NOT_A_SERVICE);
                assertThat(Problems.describe(notAService, JA)).isEqualTo("サービスがそのアドレスを認識しません。SCIM Console のサービスですか?");
            }

            AdminException failed = failureOf(() -> new AdminClient(base + "/failing", "x").overview());
            assertThat(failed.reason()).isEqualTo(AdminException.Reason.SERVICE_FAILED);
            assertThat(Problems.describe(failed, EN)).isEqualTo("The service failed (HTTP 500).").isEqualTo(failed.getMessage());
            assertThat(Problems.describe(failed, JA)).isEqualTo("サービスでエラーが発生しました (HTTP 500)。");
        } finally {
            server.stop(0);
        }
    }

    static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void anEmbeddedServiceWhosePortIsTaken(@TempDir Path data) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ServiceConfig config = new ServiceConfig("127.0.0.1", port, null, ServiceConfig.DEFAULT_MAX_BODY,
                    ServiceConfig.DEFAULT_THREADS);
            PlainException e = catchThrowableOfType(
                    () -> ServiceConnection.embedded(data, config, null, Clock.systemUTC()), PlainException.class);
            assertThat(e).isNotNull();
            assertThat(Problems.describe(e, EN)).isEqualTo(e.getMessage()).startsWith("Port " + port + " on 127.0.0.1 ");
            assertThat(Problems.describe(e, JA)).startsWith("127.0.0.1 のポート " + port + " は既に使用されています。");
        }
    }

    /** A typed text for each way a domain name can be wrong. */
    private static final Map<ReasonCode, String> BAD_DOMAINS = Map.ofEntries(
            Map.entry(ReasonCode.NAME_EMPTY, " "),
            Map.entry(ReasonCode.NAME_IP_ADDRESS, "192.168.0.1"),
            Map.entry(ReasonCode.NAME_NOT_FULL, "localhost"),
            Map.entry(ReasonCode.NAME_TOO_LONG, String.join(".", java.util.Collections.nCopies(5, "a".repeat(60)))),
            Map.entry(ReasonCode.NAME_ENDS_IN_NUMBER, "example.123"),
            Map.entry(ReasonCode.NAME_EMAIL_ADDRESS, "someone@example.com"),
            Map.entry(ReasonCode.NAME_WEB_ADDRESS, "https://example.com/path"),
            Map.entry(ReasonCode.NAME_EMPTY_PART, "example..com"),
            Map.entry(ReasonCode.NAME_BAD_CHARACTERS, "exa_mple.com"),
            Map.entry(ReasonCode.NAME_PART_TOO_LONG, "a".repeat(64) + ".com"),
            Map.entry(ReasonCode.NAME_HYPHEN_AT_END, "-example.com"),
            Map.entry(ReasonCode.NAME_HYPHENS_3_4, "ab--cd.com"),
            Map.entry(ReasonCode.NAME_STARTS_WITH_MARK, "\u0301a.com"),
            Map.entry(ReasonCode.NAME_BAD_PUNYCODE, "xn--a.com"),
            Map.entry(ReasonCode.NAME_JOINER, "a\u200db.com"),
            Map.entry(ReasonCode.NAME_CONTEXT, "a\u00b7b.com"),
            Map.entry(ReasonCode.NAME_BIDI, "\u05d0a.com"));

    @ParameterizedTest
    @EnumSource(value = ReasonCode.class, mode = EnumSource.Mode.MATCH_ALL, names = "NAME_.*")
    void aMistypedDomainIsExplainedInTheConsolesLanguage(ReasonCode code) {
        assertThat(BAD_DOMAINS).as("a sample for " + code).containsKey(code);
        InvalidDomainException e = catchThrowableOfType(() -> DomainName.parse(BAD_DOMAINS.get(code)),
                InvalidDomainException.class);
        assertThat(e.reason().code()).isEqualTo(code);
        String english = Problems.describe(e, EN);
        String japanese = Problems.describe(e, JA);
        assertThat(english).isNotBlank().doesNotContain("domain.name.").doesNotContain("{");
        assertThat(japanese).isNotEqualTo(english).matches(".*[\\u3040-\\u30ff].*");
        e.reason().args().forEach(d -> {
            assertThat(english).contains(d);
            assertThat(japanese).contains(d);
        });
    }

    @Test
    void theServicesReasonIsSaidInTheConsolesLanguage() {
        AdminException e = new AdminException(409, "domain.error.verifiedElsewhere[example.com, 72]",
                Reason.of("domain.error.verifiedElsewhere", "example.com", 72));
        assertThat(Problems.describe(e, EN)).startsWith("example.com is already verified by another organization.")
                .contains("gone for 72 hours");
        assertThat(Problems.describe(e, JA)).startsWith("example.com はすでに別の組織で確認済みです。")
                .contains("72 時間");
    }

    @Test
    void aReasonThisConsoleDoesNotKnowIsNamedNotShownRaw() {
        AdminException e = new AdminException(400, "domain.future[x]", Reason.of("domain.future", "x"));
        assertThat(Problems.describe(e, JA)).contains("domain.future").contains("コンソールを更新してください");
    }

    @Test
    void theServicesOwnWordsArePassedOn() {
        AdminException e = new AdminException(404, "This user no longer exists (Entra may have deleted it).");
        assertThat(Problems.describe(e, JA)).isEqualTo(e.getMessage());
    }

    private static AdminException failureOf(Runnable call) {
        AdminException e = catchThrowableOfType(call::run, AdminException.class);
        assertThat(e).as("the call failed with an AdminException").isNotNull();
        return e;
    }
}
