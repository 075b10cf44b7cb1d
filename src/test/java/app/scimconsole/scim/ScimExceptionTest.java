package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rejection is a code and its arguments; the wire's English detail is made from them and from nothing else. */
class ScimExceptionTest {

    @Test
    void carriesTheCodeTheArgumentsAndTheirEnglish() {
        ScimException e = new ScimException(ScimProblem.VERSION_MISMATCH, "User", "u1", 3L, 2);
        assertThat(e.problem()).isEqualTo(ScimProblem.VERSION_MISMATCH);
        assertThat(e.args()).containsExactly("User", "u1", "3", "2");
        assertThat(e.status()).isEqualTo(412);
        assertThat(e.scimType()).isNull();
        assertThat(e.detail()).isEqualTo("User 'u1' is at version 3, not 2.");
    }

    @Test
    void theStatusComesWithTheScimType() {
        ScimException taken = new ScimException(ScimProblem.VALUE_TAKEN, "userName", "a@x");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.scimType()).isEqualTo(ScimType.UNIQUENESS);
    }

    @Test
    void anotherScimTypeKeepsTheProblemAndItsArguments() {
        ScimException inPath = new ScimException(ScimProblem.UNKNOWN_ATTRIBUTE, "shoeSize", "User");
        ScimException inFilter = new ScimException(ScimType.INVALID_FILTER, ScimProblem.UNKNOWN_ATTRIBUTE, "shoeSize", "User");
        ScimException inSort = inPath.as(ScimType.INVALID_VALUE);
        assertThat(inPath.scimType()).isEqualTo(ScimType.INVALID_PATH);
        assertThat(inFilter.scimType()).isEqualTo(ScimType.INVALID_FILTER);
        assertThat(inSort.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(List.of(inFilter, inSort)).allSatisfy(e -> {
            assertThat(e.problem()).isEqualTo(ScimProblem.UNKNOWN_ATTRIBUTE);
            assertThat(e.args()).containsExactly("shoeSize", "User");
            assertThat(e.detail()).isEqualTo(inPath.detail());
        });
    }

    @Test
    void onlyADigitInBracesIsAPlaceholder() {
        assertThat(new ScimException(ScimProblem.REMOVE_VALUES_NOT_A_LIST, "emails").detail())
                .isEqualTo("A remove of 'emails' with a value needs a list of {\"value\": ...} objects.");
        assertThat(ScimProblem.REMOVE_VALUES_NOT_A_LIST.arity()).isEqualTo(1);
        assertThat(ScimProblem.MEMBERS_NOT_A_LIST.arity()).isZero();
    }

    @Test
    void anArgumentIsNeverReadAsATemplate() {
        assertThat(new ScimException(ScimProblem.NO_SUCH_SCHEMA, "{1}'{0}").detail()).isEqualTo("No schema '{1}'{0}'.");
        assertThat(new ScimException(ScimProblem.NO_SUCH_SCHEMA, (Object) null).args()).containsExactly("");
    }

    @Test
    void aThrowSiteWithTheWrongArgumentsFailsInTests() {
        assertThatThrownBy(() -> new ScimException(ScimProblem.VALUE_TAKEN, "userName"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("VALUE_TAKEN takes 2");
    }

    @Test
    void aGrammarMistakeReadsTheSameInAFilterAndInAPath() {
        long paths = Arrays.stream(ScimProblem.values()).filter(p -> p.name().startsWith("PATH_")).count();
        long filters = Arrays.stream(ScimProblem.values()).filter(p -> p.name().startsWith("FILTER_")).count();
        assertThat(paths).isEqualTo(filters);
        for (ScimProblem inFilter : ScimProblem.values()) {
            if (!inFilter.name().startsWith("FILTER_")) {
                continue;
            }
            ScimProblem inPath = ScimProblem.valueOf("PATH_" + inFilter.name().substring("FILTER_".length()));
            assertThat(inFilter.scimType()).isEqualTo(ScimType.INVALID_FILTER);
            assertThat(inPath.scimType()).isEqualTo(ScimType.INVALID_PATH);
            assertThat(inPath.englishTemplate()).as(inPath.name())
                    .isEqualTo(inFilter.englishTemplate().replace("filter at", "path at").replace("the filter", "the path"));
        }
    }

    @Test
    void everyTemplateNumbersItsArgumentsFromZeroWithoutGaps() {
        for (ScimProblem p : ScimProblem.values()) {
            String[] markers = new String[p.arity()];
            for (int i = 0; i < markers.length; i++) {
                markers[i] = "<" + i + ">";
            }
            String said = p.english(List.of(markers));
            for (String m : markers) {
                assertThat(said).as(p.name()).contains(m);
            }
            assertThat(said).as(p.name() + " has no placeholder left").doesNotContainPattern("\\{[0-9]+}");
        }
    }
}
