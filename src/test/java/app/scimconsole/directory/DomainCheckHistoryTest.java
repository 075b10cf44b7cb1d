package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.domains.DomainCheck;
import app.scimconsole.domains.DomainConflictException;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainRecords;
import app.scimconsole.domains.DomainStatus;
import app.scimconsole.domains.VerificationStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The check history kept next to each domain, on a real SQLite file (and PostgreSQL in a subclass). */
class DomainCheckHistoryTest extends DomainStorageTestBase {
    private DomainRecord saved(DomainRecord r, VerificationStatus outcome, String detail, Instant at) {
        DomainRecord next = checked(r, outcome, detail, at);
        store.update(next);
        return next;
    }

    @Test
    void everySavedCheckIsKeptWithItsTimeNewestFirst() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        assertThat(store.history("t1", r.domain(), 10)).isEmpty();

        r = saved(r, VerificationStatus.PENDING, "Not there yet.", T0.plusSeconds(60));
        r = saved(r, VerificationStatus.MISMATCH, "Another value.", T0.plusSeconds(180));
        saved(r, VerificationStatus.VERIFIED, "Verified.", T0.plusSeconds(480));

        assertThat(store.history("t1", r.domain(), 10)).containsExactly(
                new DomainCheck(T0.plusSeconds(480), DomainStatus.VERIFIED, tagged("Verified.")),
                new DomainCheck(T0.plusSeconds(180), DomainStatus.MISMATCH, tagged("Another value.")),
                new DomainCheck(T0.plusSeconds(60), DomainStatus.PENDING, tagged("Not there yet.")));
        assertThat(store.history("t1", r.domain(), 1)).extracting(DomainStorageTestBase::tag).containsExactly("Verified.");
    }

    @Test
    void theStatusIsTheDomainsStandingAfterTheCheck() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        r = saved(r, VerificationStatus.VERIFIED, "Verified.", T0);
        // The record is gone, but the grace period keeps the domain verified; the findings tell what was found.
        saved(r, VerificationStatus.PENDING, "The name does not exist.", T0.plusSeconds(86_400));

        assertThat(store.history("t1", r.domain(), 1)).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(DomainStatus.VERIFIED);
            assertThat(tag(check)).isEqualTo("The name does not exist.");
        });
    }

    @Test
    void checksSavedInTheSameMillisecondStayInOrder() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        for (int i = 1; i <= 3; i++) {
            r = saved(r, VerificationStatus.PENDING, "check " + i, T0);
        }
        assertThat(store.history("t1", r.domain(), 10)).extracting(DomainStorageTestBase::tag)
                .containsExactly("check 3", "check 2", "check 1");
    }

    @Test
    void onlyTheNewestChecksOfEachDomainAreKept() {
        DomainRecord busy = registered("t1", "busy.example");
        DomainRecord quiet = registered("t1", "quiet.example");
        DomainRecord elsewhere = registered("t2", "busy.example");
        store.insert(busy);
        store.insert(quiet);
        store.insert(elsewhere);
        saved(quiet, VerificationStatus.PENDING, "quiet", T0);
        saved(elsewhere, VerificationStatus.PENDING, "other tenant", T0);
        int total = DomainRecords.HISTORY_KEPT + 5;
        for (int i = 1; i <= total; i++) {
            busy = saved(busy, VerificationStatus.PENDING, "check " + i, T0.plusSeconds(i));
        }

        var kept = store.history("t1", busy.domain(), 1000);
        assertThat(kept).hasSize(DomainRecords.HISTORY_KEPT);
        assertThat(kept).extracting(DomainStorageTestBase::tag).containsExactlyElementsOf(
                IntStream.iterate(total, i -> i > total - DomainRecords.HISTORY_KEPT, i -> i - 1)
                        .mapToObj(i -> "check " + i).toList());
        assertThat(store.history("t1", quiet.domain(), 10)).hasSize(1);
        assertThat(store.history("t2", elsewhere.domain(), 10)).hasSize(1);
    }

    @Test
    void aCheckThatCannotBeSavedLeavesNoHistory() {
        DomainRecord mine = registered("t1", "example.com");
        DomainRecord theirs = registered("t2", "example.com");
        store.insert(mine);
        store.insert(theirs);
        saved(mine, VerificationStatus.VERIFIED, "Verified.", T0);

        assertThatThrownBy(() -> saved(theirs, VerificationStatus.VERIFIED, "Verified.", T0))
                .isInstanceOf(DomainConflictException.class);
        assertThat(store.history("t2", theirs.domain(), 10)).isEmpty();
    }

    @Test
    void theDomainIsNotUpdatedWhenItsHistoryCannotBeWritten() throws SQLException {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute(onPostgres()
                    ? "CREATE FUNCTION history_fails() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END; "
                            + "$$ LANGUAGE plpgsql; CREATE TRIGGER history_fails BEFORE INSERT ON domain_checks "
                            + "FOR EACH ROW EXECUTE FUNCTION history_fails()"
                    : "CREATE TRIGGER history_fails BEFORE INSERT ON domain_checks "
                            + "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }

        assertThatThrownBy(() -> saved(r, VerificationStatus.VERIFIED, "Verified.", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("disk full");
        assertThat(store.find("t1", r.domain())).contains(r);
    }

    @Test
    void removingADomainForgetsItsHistory() {
        DomainRecord r = registered("t1", "example.com");
        store.insert(r);
        saved(r, VerificationStatus.PENDING, "Not there yet.", T0);

        assertThat(store.remove("t1", r.domain())).isTrue();
        store.insert(registered("t1", "example.com"));
        assertThat(store.history("t1", r.domain(), 10)).isEmpty();
    }

    @Test
    void askingForNoChecksIsAMistake() {
        assertThatThrownBy(() -> store.history("t1", DomainName.parse("example.com"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
