package app.scimconsole.scim;

import java.util.List;

/** A change to a group's membership that a request asked for, applied without rewriting the group. */
public record MemberChange(Kind kind, List<String> ids) {
    public enum Kind { ADD, REMOVE, REMOVE_ALL }
}
