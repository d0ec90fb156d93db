package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.config.EmailCodeConfig;
import java.util.Optional;

/** Whether an account's address may receive a code under the step's settings. */
final class Recipient {

    private Recipient() {
    }

    /** @param email the account's address, trimmed, or null when it has none */
    static Optional<Refusal> refusal(String email, boolean emailVerified, EmailCodeConfig config) {
        if (email == null) {
            return Optional.of(Refusal.NO_EMAIL);
        }
        if (!config.allowedDomains().permits(email)) {
            return Optional.of(Refusal.DOMAIN_NOT_ALLOWED);
        }
        if (!emailVerified && !config.allowUnverifiedEmail()) {
            return Optional.of(Refusal.UNVERIFIED_EMAIL);
        }
        return Optional.empty();
    }
}
