package app.scimconsole.service;

import app.scimconsole.directory.StorageOutcome;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;

/** What the store's refusals mean to a SCIM client (RFC 7644 §3.12), said in one place. */
final class StorageOutcomes {
    private StorageOutcomes() {
    }

    static ScimException toScim(StorageOutcome e, ResourceType type) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound(type, e.arg(0));
            case VERSION_CONFLICT -> ScimException.preconditionFailed(type.resourceName() + " '" + e.arg(0)
                    + "' was changed by another request; read it again.");
            case DUPLICATE -> ScimException.uniqueness(e.arg(0) + " '" + e.arg(1) + "' is already taken.");
            case UNKNOWN_MEMBER -> e.arg(0).isEmpty()
                    ? ScimException.invalidValue("A user to be made a member no longer exists.")
                    : ScimException.invalidValue("No user with id '" + e.arg(0) + "' exists to be a member.");
        };
    }

    static ScimException notFound(ResourceType type, String id) {
        return ScimException.notFound(type.resourceName() + " '" + id + "' does not exist.");
    }

    static ScimException versionMismatch(ResourceType type, String id, long expected, long stored) {
        return ScimException.preconditionFailed(type.resourceName() + " '" + id + "' is at version " + stored
                + ", not " + expected + ".");
    }
}
