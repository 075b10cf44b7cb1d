package app.scimconsole.domains;

import java.util.List;
import java.util.Objects;

/**
 * What a check found, as it is stored with the domain and in its history: the summary, and the diagnoses with their
 * fixes (also warnings when verified).
 */
public record Findings(DomainReason summary, List<Diagnosis> diagnoses) {
    public Findings {
        Objects.requireNonNull(summary, "summary");
        diagnoses = List.copyOf(diagnoses);
    }

    /** Findings that are only a summary, e.g. a refusal stored as the check's result. */
    public static Findings of(DomainReason summary) {
        return new Findings(summary, List.of());
    }
}
