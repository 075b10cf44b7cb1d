package app.scimconsole.console.common;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.AttributeChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribute history as lines people read, newest first: "Job title: Engineer → Senior Engineer, Entra,
 * Dec 6, 2026, 2:02 PM"; a member added or removed; "No change" for a request that changed nothing. Attributes are
 * named as the console names them ({@code history.attr.<name>}), else by their SCIM name. Used by the user detail's
 * History tab and the Activity view's row detail. Pure: unit-tested.
 */
public final class HistoryTimeline {
    private final I18n i18n;
    private final Texts texts;

    public HistoryTimeline(I18n i18n, Texts texts) {
        this.i18n = i18n;
        this.texts = texts;
    }

    /** Every entry's changes, in the entries' order (the admin API gives them newest first). */
    public List<String> lines(List<ActivityEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (ActivityEntry e : entries) {
            lines.addAll(lines(e));
        }
        return lines;
    }

    /** One entry's changes; none when it has no history (a refusal, or history past its retention). */
    public List<String> lines(ActivityEntry e) {
        if (e.history() == null) {
            return List.of();
        }
        String when = texts.time(e.time());
        String source = i18n.text("history.source.entra");
        if (e.history().changes().isEmpty()) {
            return List.of(i18n.text("history.line.none", source, when));
        }
        List<String> lines = new ArrayList<>();
        for (AttributeChange c : e.history().changes()) {
            lines.add(i18n.text(key(c), attribute(c.attribute()), value(c.before()), value(c.after()), source, when));
        }
        return lines;
    }

    private static String key(AttributeChange c) {
        if ("members".equals(c.attribute())) {
            return c.before() == null ? "history.line.memberAdded"
                    : "*".equals(c.before()) ? "history.line.allMembersRemoved" : "history.line.memberRemoved";
        }
        return "history.line.changed";
    }

    private String attribute(String name) {
        String key = "history.attr." + name;
        return i18n.has(key) ? i18n.text(key) : name;
    }

    private String value(String v) {
        return v == null || v.isEmpty() ? i18n.text("history.value.none") : v;
    }
}
