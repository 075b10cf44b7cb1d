package app.scimconsole.console.domains;

import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.VerificationResult;

/** Asks DNS about a challenge right now, from this computer. Blocking: call it in background work. */
@FunctionalInterface
public interface LiveCheck {
    VerificationResult check(Challenge challenge);
}
