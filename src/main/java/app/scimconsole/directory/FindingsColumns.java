package app.scimconsole.directory;

import app.scimconsole.domains.Diagnosis;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ReasonCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A check's {@link Findings} in the columns {@code summary_code}, {@code summary_args} and {@code diagnoses} of
 * {@code domains} and {@code domain_checks} (migration {@code V6__domain_findings.sql}). A stored result this
 * version cannot read, such as an English sentence of an earlier version in {@code detail}, reads as
 * {@link ReasonCode#CHECK_LEGACY}: never a failure.
 */
final class FindingsColumns {
    /** In statement order, after the columns they follow. */
    static final String NAMES = "summary_code, summary_args, diagnoses, detail";
    static final Findings LEGACY = Findings.of(DomainReason.of(ReasonCode.CHECK_LEGACY));
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingsColumns() {
    }

    /** The values of {@link #NAMES}; all null before the first check. */
    static List<Object> values(Findings f) {
        if (f == null) {
            return Arrays.asList(null, null, null, null);
        }
        ArrayNode diagnoses = JSON.createArrayNode();
        for (Diagnosis d : f.diagnoses()) {
            ObjectNode o = diagnoses.addObject().put("kind", d.kind().name());
            o.set("problem", reason(d.problem()));
            o.set("fix", reason(d.fix()));
        }
        return Arrays.asList(f.summary().code().code(), args(f.summary()).toString(), diagnoses.toString(), null);
    }

    static Findings read(ResultSet rs) throws SQLException {
        String code = rs.getString("summary_code");
        if (code == null) {
            return rs.getString("detail") == null ? null : LEGACY;
        }
        try {
            DomainReason summary = reason(code, JSON.readTree(rs.getString("summary_args")));
            List<Diagnosis> diagnoses = new ArrayList<>();
            for (JsonNode d : JSON.readTree(rs.getString("diagnoses"))) {
                diagnoses.add(new Diagnosis(Diagnosis.Kind.valueOf(d.path("kind").asText()),
                        reason(d.path("problem")), reason(d.path("fix"))));
            }
            return new Findings(summary, diagnoses);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return LEGACY;
        }
    }

    private static ObjectNode reason(DomainReason r) {
        ObjectNode o = JSON.createObjectNode().put("code", r.code().code());
        o.set("args", args(r));
        return o;
    }

    private static ArrayNode args(DomainReason r) {
        ArrayNode a = JSON.createArrayNode();
        r.args().forEach(a::add);
        return a;
    }

    private static DomainReason reason(JsonNode o) {
        return reason(o.path("code").asText(), o.path("args"));
    }

    /** Throws IllegalArgumentException for a code this version does not know or arguments it does not take. */
    private static DomainReason reason(String code, JsonNode args) {
        ReasonCode known = ReasonCode.ofCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown reason code " + code));
        if (!args.isArray()) {
            throw new IllegalArgumentException("reason arguments are not a list");
        }
        List<String> values = new ArrayList<>();
        args.forEach(a -> values.add(a.asText()));
        return new DomainReason(known, values);
    }
}
