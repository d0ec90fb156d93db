package io.github.spr.emailcode.limits;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code capacity} events in any {@code windowSeconds}, shared by all logins and cluster nodes.
 * Each event takes one of {@code capacity} numbered slots with {@code putIfAbsent}, which is atomic cluster-wide and
 * takes effect at once (not at the end of the request's transaction), and the slot expires {@code windowSeconds}
 * after it was taken: a sliding window that parallel requests cannot overrun. The store is Keycloak's single-use
 * object store (replicated Infinispan), never JVM memory. A window of 0 seconds means no limit.
 *
 * <p>Times are Keycloak's clock ({@code Time.currentTimeMillis()}), the one code lifetimes use. The store's expiry
 * runs on the same clock: both are the wall clock in production, and a test that moves Keycloak's time moves the
 * caches' time with it.
 */
public final class SlidingWindowLimit {

    private static final String TAKEN_AT = "taken-at";

    private final SingleUseObjectProvider store;
    private final String prefix;
    private final int capacity;
    private final int windowSeconds;
    private final boolean recordsTimes;

    /** A limit that records when each slot was taken, so it can say how long until one frees up. */
    public SlidingWindowLimit(SingleUseObjectProvider store, String prefix, int capacity, int windowSeconds) {
        this(store, prefix, capacity, windowSeconds, true);
    }

    /**
     * @param recordsTimes false: no second entry per slot with its time (one store write less per event, and half the
     *                     entries); waits are then the whole window ("up to"), or known from elsewhere
     */
    public SlidingWindowLimit(SingleUseObjectProvider store, String prefix, int capacity, int windowSeconds, boolean recordsTimes) {
        this.store = store;
        this.prefix = prefix;
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
        this.recordsTimes = recordsTimes;
    }

    /** One taken slot; give it back when the event it was taken for did not happen. */
    public record Slot(String key, boolean timed) {
    }

    /** @param nowMillis Keycloak's clock: waits are rounded up from it, never shown too short */
    public Optional<Slot> tryTake(long nowMillis) {
        if (unlimited()) {
            return Optional.of(new Slot(null, false));
        }
        for (int i = 0; i < capacity; i++) {
            String key = prefix + i;
            if (store.putIfAbsent(key, windowSeconds)) {
                if (recordsTimes) {
                    store.put(key + '.' + TAKEN_AT, windowSeconds, Map.of(TAKEN_AT, Long.toString(nowMillis)));
                }
                return Optional.of(new Slot(key, recordsTimes));
            }
        }
        return Optional.empty();
    }

    public void giveBack(Slot slot) {
        giveBack(store, slot);
    }

    /** Gives {@code slot} back through {@code store}: from another session than the one that took it. */
    public static void giveBack(SingleUseObjectProvider store, Slot slot) {
        if (slot.key() == null) {
            return;
        }
        store.remove(slot.key());
        if (slot.timed()) {
            store.remove(slot.key() + '.' + TAKEN_AT);
        }
    }

    public boolean exhausted() {
        if (unlimited()) {
            return false;
        }
        for (int i = 0; i < capacity; i++) {
            if (!store.contains(prefix + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Seconds until a slot frees up, rounded up (a page that counts them down never invites a request the store
     * would still refuse); 0 when one is free now; the whole window when the limit records no times.
     */
    public int secondsUntilFree(long nowMillis) {
        if (!exhausted()) {
            return 0;
        }
        if (!recordsTimes) {
            return windowSeconds;
        }
        long soonestMillis = windowSeconds * 1000L;
        for (int i = 0; i < capacity; i++) {
            Map<String, String> notes = store.get(prefix + i + '.' + TAKEN_AT);
            if (notes != null && notes.get(TAKEN_AT) != null) {
                soonestMillis = Math.min(soonestMillis, Long.parseLong(notes.get(TAKEN_AT)) + windowSeconds * 1000L - nowMillis);
            }
        }
        return roundUp(soonestMillis);
    }

    /** When the latest slot still held was taken (Keycloak's clock, milliseconds); empty when none is held or known. */
    public OptionalLong latestTakenAtMillis() {
        long latest = -1;
        for (int i = 0; i < capacity && recordsTimes; i++) {
            Map<String, String> notes = store.get(prefix + i + '.' + TAKEN_AT);
            if (notes != null && notes.get(TAKEN_AT) != null) {
                latest = Math.max(latest, Long.parseLong(notes.get(TAKEN_AT)));
            }
        }
        return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    }

    /** Whole seconds in {@code millis}, rounded up, at least one. */
    public static int roundUp(long millis) {
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    /** Frees every slot this limit could have, up to {@code maxCapacity}: the limit is lifted now. */
    void clear(int maxCapacity) {
        for (int i = 0; i < maxCapacity; i++) {
            store.remove(prefix + i);
            if (recordsTimes) {
                store.remove(prefix + i + '.' + TAKEN_AT);
            }
        }
    }

    private boolean unlimited() {
        return windowSeconds <= 0;
    }
}
