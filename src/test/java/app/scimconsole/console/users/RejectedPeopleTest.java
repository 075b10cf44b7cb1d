package app.scimconsole.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedPeopleTest {
    static ActivityEntry entry(int minute, String operation, String resource, String userName, String outcome) {
        return new ActivityEntry(minute, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute), operation,
                resource, null, userName, outcome, "rejected".equals(outcome)
                        ? Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "contoso.com") : Reason.of("activity.created"),
                null, null);
    }

    @Test
    void aPersonCountsWhileTheNewestWriteAboutThemWasRefused() {
        List<ActivityEntry> newestFirst = List.of(
                entry(9, "CREATE", "User", "Mallory@Contoso.com", "rejected"),
                entry(8, "CREATE", "User", "alice@contoso.com", "success"), // accepted once contoso.com was verified
                entry(7, "QUERY", "User", "bob@contoso.com", "success"), // a read decides nothing
                entry(6, "CREATE", "User", "bob@contoso.com", "rejected"),
                entry(5, "CREATE", "User", "alice@contoso.com", "rejected"),
                entry(4, "CREATE", "User", "mallory@contoso.com", "rejected"), // the same person, older
                entry(3, "CREATE", "Group", "Sales", "rejected"),
                entry(2, "AUTHENTICATE", "ScimApp", "", "rejected"));
        List<RejectedPeople.Rejected> r = RejectedPeople.from(newestFirst);
        assertThat(r).extracting(RejectedPeople.Rejected::userName)
                .containsExactly("Mallory@Contoso.com", "bob@contoso.com");
        assertThat(r.get(0).time()).isEqualTo(Instant.parse("2026-03-02T09:09:00Z"));
        assertThat(r.get(0).reason().args()).containsExactly("contoso.com");
    }

    @Test
    void aPersonDeletedAfterTheRefusalIsNotListed() {
        assertThat(RejectedPeople.from(List.of(entry(2, "DELETE", "User", "m@contoso.com", "success"),
                entry(1, "PATCH", "User", "m@contoso.com", "rejected")))).isEmpty();
    }
}
