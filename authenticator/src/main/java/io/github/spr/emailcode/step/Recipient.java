package io.github.spr.emailcode.step;

import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.outcome.Outcome;
import java.util.Optional;

/** Whether an account's address may receive a code under the step's settings, and if not, why. */
final class Recipient {

    private Recipient() {
    }

    /** @param email the account's address, trimmed, or null when it has none */
    static Optional<Outcome> refusal(String email, boolean emailVerified, EmailCodeConfig config) {
        if (email == null) {
            return Optional.of(Outcome.NO_EMAIL);
        }
        if (!config.allowedDomains().permits(email)) {
            return Optional.of(Outcome.DOMAIN_NOT_ALLOWED);
        }
        if (!emailVerified && !config.allowUnverifiedEmail()) {
            return Optional.of(Outcome.UNVERIFIED_EMAIL);
        }
        return Optional.empty();
    }
}
