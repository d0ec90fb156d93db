package io.github.spr.emailcode.limits;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.EmailCodeConfig;
import java.util.Map;
import java.util.UUID;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * One user's limits at the email step (resend cooldown, send quota, daily wrong-code budget), shared by all their
 * logins, tabs and cluster nodes, and the ways an admin lifts them again.
 *
 * <p>Keys carry the realm's limits epoch: clearing every user's limits at once only needs a new epoch, since the
 * store cannot list a realm's keys. The epoch lives in the same in-memory store as the limits, so the two are lost
 * together when every node restarts.
 */
public final class UserLimits {

    /** "Per day" means any 24 hours. */
    public static final int DAY_SECONDS = 24 * 60 * 60;
    private static final String PREFIX = "spr-email-code.";
    private static final String EPOCH = "epoch";
    /** Longer than any limit's window, so an epoch never expires while limits taken under it still count. */
    private static final int EPOCH_LIFESPAN_SECONDS = 400 * DAY_SECONDS;

    private final SlidingWindowLimit cooldown;
    private final SlidingWindowLimit sendQuota;
    private final SlidingWindowLimit wrongCodeBudget;
    private final int cooldownSeconds;

    private UserLimits(SlidingWindowLimit cooldown, SlidingWindowLimit sendQuota, SlidingWindowLimit wrongCodeBudget, int cooldownSeconds) {
        this.cooldown = cooldown;
        this.sendQuota = sendQuota;
        this.wrongCodeBudget = wrongCodeBudget;
        this.cooldownSeconds = cooldownSeconds;
    }

    public static UserLimits of(SingleUseObjectProvider store, String realmId, String userId, EmailCodeConfig config) {
        String user = userPrefix(store, realmId, userId);
        return new UserLimits(
                // The resend cooldown is a limit of one code per cooldown period. Its time is the latest send's, which
                // the send quota records, so it keeps none of its own.
                new SlidingWindowLimit(store, user + "cooldown.", 1, config.resendCooldownSeconds(), false),
                new SlidingWindowLimit(store, user + "sends.", config.sendQuota(), config.sendQuotaWindowSeconds()),
                // Its refusal says "up to N hours": no time per wrong code is kept, one store write less per entry.
                new SlidingWindowLimit(store, user + "wrong.", config.maxWrongCodesPerDay(), DAY_SECONDS, false),
                config.resendCooldownSeconds());
    }

    public SlidingWindowLimit cooldown() {
        return cooldown;
    }

    public SlidingWindowLimit sendQuota() {
        return sendQuota;
    }

    public SlidingWindowLimit wrongCodeBudget() {
        return wrongCodeBudget;
    }

    /** Seconds until the cooldown lets another code be sent (0 now), counted from the latest send. */
    public int secondsUntilNextSend(long nowMillis) {
        if (!cooldown.exhausted()) {
            return 0;
        }
        return sendQuota.latestTakenAtMillis()
                .stream().mapToInt(sentAt -> SlidingWindowLimit.roundUp(sentAt + cooldownSeconds * 1000L - nowMillis))
                .findFirst().orElse(cooldownSeconds);
    }

    /**
     * Lifts one user's limits now, whatever the step's settings are (every slot up to the largest capacity the
     * settings accept): an admin cleared the user's login failures, or the password was reset or changed.
     */
    public static void clear(SingleUseObjectProvider store, String realmId, String userId) {
        String user = userPrefix(store, realmId, userId);
        new SlidingWindowLimit(store, user + "cooldown.", 1, 1).clear(1);
        new SlidingWindowLimit(store, user + "sends.", 1, 1).clear(ConfigProperties.SEND_QUOTA.max());
        new SlidingWindowLimit(store, user + "wrong.", 1, 1).clear(ConfigProperties.MAX_WRONG_CODES_PER_DAY.max());
    }

    /** Lifts every user's limits in the realm: an admin cleared all login failures. */
    public static void clearAll(SingleUseObjectProvider store, String realmId) {
        store.put(epochKey(realmId), EPOCH_LIFESPAN_SECONDS, Map.of(EPOCH, UUID.randomUUID().toString()));
    }

    private static String userPrefix(SingleUseObjectProvider store, String realmId, String userId) {
        Map<String, String> epoch = store.get(epochKey(realmId));
        String current = epoch == null ? "0" : epoch.getOrDefault(EPOCH, "0");
        return PREFIX + current + '.' + realmId + '.' + userId + '.';
    }

    private static String epochKey(String realmId) {
        return PREFIX + EPOCH + '.' + realmId;
    }
}
