package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.testing.TestPostgres;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real PostgreSQL server is asked and hands back when a sign-in is refused, on an existing tenant (a wrong
 * token) and on a tenant id that names none: the two must be the same conversation — the same messages in the same
 * order, as many rows of the same length each — or the time of the 401 could tell which tenants exist.
 *
 * <p>The conversation is the PostgreSQL driver's own trace of the frontend/backend protocol (each message it sends,
 * {@code FE=>}, and each it receives, {@code <=BE}, with every row's length), taken on the request's thread from the
 * real driver on a real connection to the embedded server: nothing of ours is replaced.
 */
class RefusalWirePostgresTest {
    /** The driver's protocol trace; it logs each message at FINEST. */
    private static final Logger PROTOCOL = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    /**
     * A message's name, with a row's length and a statement's result tag ({@code SELECT 1}: one row); the rest
     * (statement names, bound values) is not compared.
     */
    private static final Pattern MESSAGE =
            Pattern.compile("(FE=>|<=BE) (\\w+)(?:\\((len=\\d+|[A-Z]+(?: \\d+)*)\\))?");

    private PostgresDirectory directory;
    private Authenticator authenticator;
    private String tenant;
    private String token;
    private final String unknown = UUID.randomUUID().toString(); // the same length as a tenant's id
    private final String wrong = "Bearer " + SecretTokens.generate();
    private final Trace trace = new Trace();
    private Level levelBefore;

    @BeforeEach
    void open() {
        directory = PostgresDirectory.open(TestPostgres.freshDatabase());
        TenantAdmin.Credentials enabled = new TenantAdmin(directory, Clock.systemUTC()).enable();
        tenant = enabled.tenantId();
        token = "Bearer " + enabled.secretToken();
        authenticator = new Authenticator(directory, Clock.systemUTC());
        levelBefore = PROTOCOL.getLevel();
        PROTOCOL.setLevel(Level.FINEST);
        PROTOCOL.addHandler(trace);
    }

    @AfterEach
    void close() {
        PROTOCOL.removeHandler(trace);
        PROTOCOL.setLevel(levelBefore);
        directory.close();
    }

    @Test
    void aWrongTokenOnAnExistingTenantAndAnUnknownTenantAskAndGetTheSame() {
        warmUp();

        List<String> existing = conversation(tenant);
        List<String> nobody = conversation(unknown);

        // One statement on its own (no transaction around it), answered with one row: the tenant and its one token.
        assertThat(existing).as("the read the driver traced").filteredOn(m -> m.startsWith("FE=> Execute")).hasSize(1);
        assertThat(existing).containsOnlyOnce("<=BE CommandStatus SELECT 1");
        assertThat(nobody).as("an unknown tenant's refusal, against an existing tenant's").isEqualTo(existing);
    }

    @Test
    void theSameOnceTheTenantsTokenHasBeenUsed() {
        // Its last use is then stored: a value where a token never used has none.
        assertThat(authenticator.authenticate(tenant, token)).isEqualTo(Authenticator.Outcome.OK);
        warmUp();

        List<String> existing = conversation(tenant);
        List<String> nobody = conversation(unknown);

        assertThat(nobody).isEqualTo(existing);
    }

    /** Past the driver's switch to a server-prepared statement, which changes the messages it sends. */
    private void warmUp() {
        for (int i = 0; i < 10; i++) {
            authenticator.authenticate(tenant, wrong);
            authenticator.authenticate(unknown, wrong);
        }
    }

    /** The messages exchanged with the server while one wrong token is refused at {@code tenantId}. */
    private List<String> conversation(String tenantId) {
        trace.start();
        Authenticator.Outcome outcome = authenticator.authenticate(tenantId, wrong);
        List<String> messages = trace.stop();
        assertThat(outcome).isIn(Authenticator.Outcome.WRONG_TOKEN, Authenticator.Outcome.NO_TENANT);
        return messages;
    }

    /** The protocol messages logged on the thread that started it, between start and stop. */
    private static final class Trace extends Handler {
        private volatile Thread on;
        private final List<String> messages = new ArrayList<>();

        void start() {
            synchronized (messages) {
                messages.clear();
            }
            on = Thread.currentThread();
        }

        List<String> stop() {
            on = null;
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (Thread.currentThread() != on) {
                return;
            }
            String text = record.getParameters() == null ? record.getMessage()
                    : MessageFormat.format(record.getMessage(), record.getParameters());
            Matcher m = MESSAGE.matcher(text);
            if (m.find()) {
                synchronized (messages) {
                    messages.add(m.group(1) + " " + m.group(2) + (m.group(3) == null ? "" : " " + m.group(3)));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
