package app.scimconsole.console.context;

import app.scimconsole.admin.AdminException;
import app.scimconsole.scim.ScimProblem;
import java.util.Set;

/**
 * Which refusals of the service are an outage of its storage (the database unreachable, the disk full…), by the
 * reason's code: the service then refuses every request alike until the fault passes, so the console says it once,
 * as a banner, while it lasts.
 */
final class StorageOutage {
    private static final Set<String> CODES = Set.of(ScimProblem.DATABASE_UNREACHABLE.code(),
            ScimProblem.STORAGE_FULL.code(), ScimProblem.STORAGE_READ_ONLY.code(), ScimProblem.STORAGE_IO_ERROR.code());

    private StorageOutage() {
    }

    static boolean is(AdminException e) {
        return e.why() != null && CODES.contains(e.why().code());
    }
}
