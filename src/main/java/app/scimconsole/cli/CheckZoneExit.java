package app.scimconsole.cli;

import app.scimconsole.domains.VerificationStatus;

/**
 * The exit code of {@code domain check-zone}, so a script can act on the outcome without parsing output. 1 and 2 stay
 * what they are for every command (a failure, a usage error); the outcomes start above them.
 */
final class CheckZoneExit {
    static final int WOULD_VERIFY = 0;
    static final int MISSING = 3;
    static final int WRONG_VALUE = 4;
    static final int NO_USABLE_ANSWER = 5;

    private CheckZoneExit() {
    }

    static int of(VerificationStatus status) {
        return switch (status) {
            case VERIFIED -> WOULD_VERIFY;
            case PENDING -> MISSING;
            case MISMATCH -> WRONG_VALUE;
            case ERROR -> NO_USABLE_ANSWER;
        };
    }
}
