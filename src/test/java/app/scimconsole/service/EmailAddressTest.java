package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import org.junit.jupiter.api.Test;

/** The e-mail address of a sign-in identity, read without its pattern where it is plain ASCII (issue 21). */
class EmailAddressTest {
    /** Letters, digits and every atext sign, dots, and what a dot-atom may not hold (space, '@', '"', '\', non-ASCII). */
    private static final String ALPHABET = "aZ09!#$%&'*+/=?^_`{|}~-...@\" \\(),:;<>[]\u0000\u007f\u00e9\u3042\u200b\t";

    @Test
    void theAsciiShortcutAcceptsOnlyWhatThePatternAccepts() {
        Property.forAll(50000, r -> Gen.string(r, ALPHABET, 12), local -> {
            if (EmailAddress.isAsciiDotAtom(local)) {
                assertThat(EmailAddress.LOCAL_PART.matcher(local).matches()).as(local).isTrue();
            }
        });
    }

    @Test
    void theAsciiShortcutTakesEveryPlainAsciiDotAtom() {
        Property.forAll(20000, r -> Gen.string(r, "aZ09!#$%&'*+/=?^_`{|}~-.", 12), local ->
                assertThat(EmailAddress.isAsciiDotAtom(local)).as(local)
                        .isEqualTo(EmailAddress.LOCAL_PART.matcher(local).matches()));
    }

    @Test
    void addressesAreReadAsBeforeWhetherTheirDomainWasSeenOrNot() {
        for (int pass = 0; pass < 2; pass++) { // the second pass finds each domain kept
            assertThat(EmailAddress.parse("Bob.Smith@Example.COM")).get()
                    .satisfies(a -> assertThat(a.domain().ascii()).isEqualTo("example.com"));
            assertThat(EmailAddress.parse("bob@bücher.example")).get()
                    .satisfies(a -> assertThat(a.domain().ascii()).isEqualTo("xn--bcher-kva.example"));
            assertThat(EmailAddress.parse("\"a@b\"@example.com")).as("a quoted local part").isPresent();
            assertThat(EmailAddress.parse("josé@example.com")).as("a non-ASCII local part").isPresent();
            assertThat(EmailAddress.parse(".bob@example.com")).isEmpty();
            assertThat(EmailAddress.parse("bo..b@example.com")).isEmpty();
            assertThat(EmailAddress.parse("bob @example.com")).isEmpty();
            assertThat(EmailAddress.parse("bob@example")).as("not a full domain name").isEmpty();
            assertThat(EmailAddress.parse("bob@ example.com")).isEmpty();
            assertThat(EmailAddress.parse("@example.com")).isEmpty();
        }
    }
}
