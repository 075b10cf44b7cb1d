package app.scimconsole.service;

import app.scimconsole.directory.StorageOutcome;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;

/** What the store's refusals mean to a SCIM client (RFC 7644 §3.12), said in one place. */
final class StorageOutcomes {
    private StorageOutcomes() {
    }

    static ScimException toScim(StorageOutcome e, ResourceType type) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound(type, e.arg(0));
            case VERSION_CONFLICT -> new ScimException(ScimProblem.CHANGED_CONCURRENTLY, type.resourceName(), e.arg(0));
            case DUPLICATE -> new ScimException(ScimProblem.VALUE_TAKEN, e.arg(0), e.arg(1));
            case UNKNOWN_MEMBER -> e.arg(0).isEmpty() ? new ScimException(ScimProblem.MEMBER_VANISHED)
                    : new ScimException(ScimProblem.NO_SUCH_MEMBER, e.arg(0));
        };
    }

    static ScimException notFound(ResourceType type, String id) {
        return new ScimException(ScimProblem.RESOURCE_NOT_FOUND, type.resourceName(), id);
    }

    static ScimException versionMismatch(ResourceType type, String id, long expected, long stored) {
        return new ScimException(ScimProblem.VERSION_MISMATCH, type.resourceName(), id, stored, expected);
    }
}
