package app.scimconsole.domains;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why, as data: a {@link ReasonCode} and its arguments, as many and of the kinds the code declares (an instant as
 * its ISO-8601 text). People read it as a sentence the edges make from their bundles.
 */
public record DomainReason(ReasonCode code, List<String> args) {
    public DomainReason {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        if (args.size() != code.args().size()) {
            throw new IllegalArgumentException(code + " takes " + code.args().size() + " arguments, not "
                    + args.size());
        }
    }

    /** Numbers and instants become their plain text (an instant in ISO-8601). */
    public static DomainReason of(ReasonCode code, Object... args) {
        return new DomainReason(code, Arrays.stream(args).map(a -> a instanceof Instant t ? t.toString()
                : String.valueOf(a)).toList());
    }

    @Override
    public String toString() {
        return code.code() + args;
    }
}
