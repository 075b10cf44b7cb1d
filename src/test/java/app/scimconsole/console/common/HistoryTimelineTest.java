package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.AttributeChange;
import app.scimconsole.admin.AdminApi.AttributeHistory;
import app.scimconsole.admin.Reason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HistoryTimelineTest {
    private static final Instant AT = Instant.parse("2026-12-06T14:02:00Z");

    private static HistoryTimeline timeline(Locale locale) {
        I18n i18n = I18n.forLocale(locale);
        return new HistoryTimeline(i18n, new Texts(i18n, ZoneOffset.UTC));
    }

    private static ActivityEntry entry(AttributeChange... changes) {
        return new ActivityEntry(1, AT, "PATCH", "User", "u1", "alice@example.com", "success",
                Reason.of("activity.changed", "title"), null, "203.0.113.7",
                new AttributeHistory("req", List.of(changes)));
    }

    @Test
    void aChangeReadsAsAttributeOldNewWhoAndWhen() {
        assertThat(timeline(Locale.ENGLISH).lines(entry(new AttributeChange("title", "Engineer", "Senior Engineer"))))
                .containsExactly("Job title: Engineer → Senior Engineer, Entra, Dec 6, 2026, 2:02 PM");
        assertThat(timeline(Locale.JAPANESE).lines(entry(new AttributeChange("title", "Engineer", "Senior Engineer"))))
                .containsExactly("役職: Engineer → Senior Engineer（Entra、2026/12/06 14:02）");
    }

    @Test
    void anAttributeTheConsoleDoesNotNameKeepsItsScimNameAndAMissingValueIsNone() {
        assertThat(timeline(Locale.ENGLISH).lines(entry(new AttributeChange("nickName", null, "Al"))))
                .containsExactly("nickName: (none) → Al, Entra, Dec 6, 2026, 2:02 PM");
    }

    @Test
    void aGroupTellsMembersAddedAndRemoved() {
        assertThat(timeline(Locale.ENGLISH).lines(entry(new AttributeChange("members", null, "u2"),
                new AttributeChange("members", "u3", null), new AttributeChange("members", "*", null))))
                .containsExactly("Member added: u2, Entra, Dec 6, 2026, 2:02 PM",
                        "Member removed: u3, Entra, Dec 6, 2026, 2:02 PM",
                        "All members removed, Entra, Dec 6, 2026, 2:02 PM");
    }

    @Test
    void aRequestThatChangedNothingSaysSoAndARefusalHasNoLines() {
        assertThat(timeline(Locale.ENGLISH).lines(entry())).containsExactly(
                "No change: what was sent was already stored, Entra, Dec 6, 2026, 2:02 PM");
        ActivityEntry refused = new ActivityEntry(2, AT, "CREATE", "User", null, "m@x.com", "rejected",
                Reason.of("scim.problem.DOMAIN_NOT_VERIFIED", "x.com"), null, null);
        assertThat(timeline(Locale.ENGLISH).lines(List.of(refused, entry()))).hasSize(1);
    }
}
