package io.github.spr.emailcode.limits;

import io.github.spr.emailcode.config.EmailCodeConfig;
import org.keycloak.models.SingleUseObjectProvider;

/** The per-user limits of the email step, by realm and user, with the step's settings. */
public final class UserLimits {

    /** "Per day" means any 24 hours. */
    public static final int DAY_SECONDS = 24 * 60 * 60;
    private static final String PREFIX = "spr-email-code.";

    private UserLimits() {
    }

    /** The resend cooldown is a limit of one code per cooldown period. */
    public static SlidingWindowLimit cooldown(SingleUseObjectProvider store, String realmId, String userId, EmailCodeConfig config) {
        return new SlidingWindowLimit(store, PREFIX + "cooldown." + realmId + '.' + userId + '.', 1, config.resendCooldownSeconds());
    }

    public static SlidingWindowLimit sendQuota(SingleUseObjectProvider store, String realmId, String userId, EmailCodeConfig config) {
        return new SlidingWindowLimit(store, PREFIX + "sends." + realmId + '.' + userId + '.',
                config.sendQuota(), config.sendQuotaWindowSeconds());
    }

    public static SlidingWindowLimit wrongCodeBudget(SingleUseObjectProvider store, String realmId, String userId, EmailCodeConfig config) {
        return new SlidingWindowLimit(store, PREFIX + "wrong." + realmId + '.' + userId + '.',
                config.maxWrongCodesPerDay(), DAY_SECONDS);
    }
}
