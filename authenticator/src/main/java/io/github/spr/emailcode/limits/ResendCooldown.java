package io.github.spr.emailcode.limits;

import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The wait between two code emails to one user, across all of that user's logins and all cluster nodes.
 * Kept in Keycloak's single-use object store (a replicated Infinispan cache), never in JVM memory.
 */
public final class ResendCooldown {

    private static final String PREFIX = "spr-email-code.cooldown.";
    private static final String SENT_AT = "sent-at";

    private final SingleUseObjectProvider store;
    private final String claimKey;
    private final String sentAtKey;
    private final int cooldownSeconds;

    public ResendCooldown(SingleUseObjectProvider store, String realmId, String userId, int cooldownSeconds) {
        this.store = store;
        this.claimKey = PREFIX + realmId + '.' + userId;
        this.sentAtKey = claimKey + ".sent-at";
        this.cooldownSeconds = cooldownSeconds;
    }

    /**
     * Claims the right to send now. {@code putIfAbsent} is atomic cluster-wide, so of two parallel requests
     * (two tabs, two nodes) only one may send.
     *
     * @return 0 when the claim succeeded, otherwise the seconds still to wait
     */
    public int tryClaim(long now) {
        if (cooldownSeconds == 0) {
            return 0;
        }
        if (store.putIfAbsent(claimKey, cooldownSeconds)) {
            store.put(sentAtKey, cooldownSeconds, Map.of(SENT_AT, Long.toString(now)));
            return 0;
        }
        return Math.max(1, remainingSeconds(now));
    }

    /** Gives the claim back when nothing was sent, so a failed send does not make the user wait. */
    public void release() {
        if (cooldownSeconds == 0) {
            return;
        }
        store.remove(claimKey);
        store.remove(sentAtKey);
    }

    /** Seconds until another code may be sent; 0 when it may be sent now. */
    public int remainingSeconds(long now) {
        if (cooldownSeconds == 0 || !store.contains(claimKey)) {
            return 0;
        }
        Map<String, String> notes = store.get(sentAtKey);
        if (notes == null || notes.get(SENT_AT) == null) {
            return cooldownSeconds;
        }
        long sentAt = Long.parseLong(notes.get(SENT_AT));
        long left = sentAt + cooldownSeconds - now;
        return (int) Math.max(0, Math.min(cooldownSeconds, left));
    }
}
