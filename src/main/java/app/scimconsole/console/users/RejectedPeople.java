package app.scimconsole.console.users;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who Entra sent and the service refused, read from the activity log: a person appears nowhere else, since a refused
 * user is not stored. A person counts while the newest request about them (by user name, case-insensitively) was
 * refused; once a later one succeeds (the domain was verified, Entra's next cycle sent them again) they are gone.
 * Pure: unit-tested.
 */
public final class RejectedPeople {
    /** How much of the log is read: the newest entries, enough for several provisioning cycles. */
    public static final int LOG_ENTRIES = 1000;
    /** The requests that decide whether a person is here: Entra's writes (a read decides nothing). */
    static final Set<String> WRITES = Set.of("CREATE", "REPLACE", "PATCH", "DELETE");

    /** One refused person: the newest refusal, its reason as data (or an older version's English detail). */
    public record Rejected(String userName, Instant time, Reason reason, String detail) {
    }

    private RejectedPeople() {
    }

    /** The people whose newest user request in {@code newestFirst} (the log, newest first) was refused. */
    public static List<Rejected> from(List<ActivityEntry> newestFirst) {
        Set<String> decided = new HashSet<>();
        List<Rejected> out = new ArrayList<>();
        for (ActivityEntry e : newestFirst) {
            if (!"User".equals(e.resource()) || !WRITES.contains(e.operation()) || e.userName() == null
                    || e.userName().isBlank()) {
                continue;
            }
            if (!decided.add(e.userName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if ("rejected".equals(e.outcome())) {
                out.add(new Rejected(e.userName(), e.time(), e.reason(), e.detail()));
            }
        }
        return out;
    }
}
