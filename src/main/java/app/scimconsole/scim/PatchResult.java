package app.scimconsole.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a PATCH produced: the new document (a fresh copy, never the caller's), whether anything really
 * changed, and the group membership changes in request order (always empty for users).
 */
public record PatchResult(ObjectNode doc, boolean changed, List<MemberChange> memberChanges) {

    public PatchResult {
        memberChanges = List.copyOf(memberChanges);
    }
}
