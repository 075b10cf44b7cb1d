package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The check history that {@link DomainStore} keeps next to each domain, on a real SQLite file. */
class DomainCheckHistoryTest {
    static final Instant T0 = DomainStoreTest.T0;
    final RecheckPolicy policy = new RecheckPolicy();
    SQLiteDataSource dataSource;
    DomainStore store;

    @BeforeEach
    void database(@TempDir Path dir) {
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("scim-console.db"));
        DomainStoreTest.migrate(dataSource);
        store = new DomainStore(dataSource);
    }

    private static DomainRecord checked(DomainRecord r, VerificationStatus outcome, String detail, Instant at) {
        return r.checked(new RecheckPolicy().afterCheck(r.state(), outcome, at), detail, at);
    }

    private DomainRecord saved(DomainRecord r, VerificationStatus outcome, String detail, Instant at) {
        DomainRecord next = checked(r, outcome, detail, at);
        store.update(next);
        return next;
    }

    @Test
    void everySavedCheckIsKeptWithItsTimeNewestFirst() {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        assertThat(store.history("t1", r.domain(), 10)).isEmpty();

        r = saved(r, VerificationStatus.PENDING, "Not there yet.", T0.plusSeconds(60));
        r = saved(r, VerificationStatus.MISMATCH, "Another value.", T0.plusSeconds(180));
        saved(r, VerificationStatus.VERIFIED, "Verified.", T0.plusSeconds(480));

        assertThat(store.history("t1", r.domain(), 10)).containsExactly(
                new DomainCheck(T0.plusSeconds(480), DomainStatus.VERIFIED, "Verified."),
                new DomainCheck(T0.plusSeconds(180), DomainStatus.MISMATCH, "Another value."),
                new DomainCheck(T0.plusSeconds(60), DomainStatus.PENDING, "Not there yet."));
        assertThat(store.history("t1", r.domain(), 1)).extracting(DomainCheck::detail).containsExactly("Verified.");
    }

    @Test
    void theStatusIsTheDomainsStandingAfterTheCheck() {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        r = saved(r, VerificationStatus.VERIFIED, "Verified.", T0);
        // The record is gone, but the grace period keeps the domain verified; the detail tells what was found.
        saved(r, VerificationStatus.PENDING, "The name does not exist.", T0.plusSeconds(86_400));

        assertThat(store.history("t1", r.domain(), 1)).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(DomainStatus.VERIFIED);
            assertThat(check.detail()).isEqualTo("The name does not exist.");
        });
    }

    @Test
    void checksSavedInTheSameMillisecondStayInOrder() {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        for (int i = 1; i <= 3; i++) {
            r = saved(r, VerificationStatus.PENDING, "check " + i, T0);
        }
        assertThat(store.history("t1", r.domain(), 10)).extracting(DomainCheck::detail)
                .containsExactly("check 3", "check 2", "check 1");
    }

    @Test
    void onlyTheNewestChecksOfEachDomainAreKept() {
        DomainRecord busy = DomainStoreTest.registered("t1", "busy.example");
        DomainRecord quiet = DomainStoreTest.registered("t1", "quiet.example");
        DomainRecord elsewhere = DomainStoreTest.registered("t2", "busy.example");
        store.insert(busy);
        store.insert(quiet);
        store.insert(elsewhere);
        saved(quiet, VerificationStatus.PENDING, "quiet", T0);
        saved(elsewhere, VerificationStatus.PENDING, "other tenant", T0);
        int total = DomainStore.HISTORY_KEPT + 5;
        for (int i = 1; i <= total; i++) {
            busy = saved(busy, VerificationStatus.PENDING, "check " + i, T0.plusSeconds(i));
        }

        var kept = store.history("t1", busy.domain(), 1000);
        assertThat(kept).hasSize(DomainStore.HISTORY_KEPT);
        assertThat(kept).extracting(DomainCheck::detail).containsExactlyElementsOf(
                IntStream.iterate(total, i -> i > total - DomainStore.HISTORY_KEPT, i -> i - 1)
                        .mapToObj(i -> "check " + i).toList());
        assertThat(store.history("t1", quiet.domain(), 10)).hasSize(1);
        assertThat(store.history("t2", elsewhere.domain(), 10)).hasSize(1);
    }

    @Test
    void aCheckThatCannotBeSavedLeavesNoHistory() {
        DomainRecord mine = DomainStoreTest.registered("t1", "example.com");
        DomainRecord theirs = DomainStoreTest.registered("t2", "example.com");
        store.insert(mine);
        store.insert(theirs);
        saved(mine, VerificationStatus.VERIFIED, "Verified.", T0);

        assertThatThrownBy(() -> saved(theirs, VerificationStatus.VERIFIED, "Verified.", T0))
                .isInstanceOf(DomainConflictException.class);
        assertThat(store.history("t2", theirs.domain(), 10)).isEmpty();
    }

    @Test
    void theDomainIsNotUpdatedWhenItsHistoryCannotBeWritten() throws SQLException {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER history_fails BEFORE INSERT ON domain_checks "
                    + "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }

        assertThatThrownBy(() -> saved(r, VerificationStatus.VERIFIED, "Verified.", T0))
                .isInstanceOf(DomainStoreException.class).hasMessage("Could not save the check result in the database.");
        assertThat(store.find("t1", r.domain())).contains(r);
    }

    @Test
    void insideACallersTransactionTheSaveJoinsItInsteadOfCommitting() throws SQLException {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        try (Connection shared = dataSource.getConnection(); Statement s = shared.createStatement()) {
            DomainStore onShared = new DomainStore(lending(shared));
            s.execute("BEGIN IMMEDIATE");
            onShared.update(checked(r, VerificationStatus.VERIFIED, "Verified.", T0));
            assertThat(onShared.history("t1", r.domain(), 10)).hasSize(1);
            s.execute("ROLLBACK");
        }
        assertThat(store.find("t1", r.domain())).contains(r);
        assertThat(store.history("t1", r.domain(), 10)).isEmpty();
    }

    @Test
    void removingADomainForgetsItsHistory() {
        DomainRecord r = DomainStoreTest.registered("t1", "example.com");
        store.insert(r);
        saved(r, VerificationStatus.PENDING, "Not there yet.", T0);

        assertThat(store.remove("t1", r.domain())).isTrue();
        store.insert(DomainStoreTest.registered("t1", "example.com"));
        assertThat(store.history("t1", r.domain(), 10)).isEmpty();
    }

    @Test
    void askingForNoChecksIsAMistake() {
        assertThatThrownBy(() -> store.history("t1", DomainName.parse("example.com"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    /** Hands out {@code connection} and ignores close, like the directory's writer lent to other stores. */
    private static DataSource lending(Connection connection) {
        Connection borrowed = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return borrowed;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
