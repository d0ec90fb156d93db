package io.github.spr.emailcode.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's single-use object store as the step sees it, with a clock the test moves. Like Infinispan, entries
 * expire after their lifespan and {@code putIfAbsent} is atomic; unlike it, {@code put} takes effect at once
 * (Keycloak applies it when the request commits).
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(long expiresAt, Map<String, String> notes) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private long nowMillis = 1_700_000_000_000L;

    public long nowMillis() {
        return nowMillis;
    }

    public void advance(long seconds) {
        nowMillis += seconds * 1000;
    }

    public void advanceMillis(long millis) {
        nowMillis += millis;
    }

    /** The live keys that contain {@code part}: what a test can see of the store's state. */
    public synchronized Set<String> keysContaining(String part) {
        Set<String> keys = new TreeSet<>();
        for (String key : Set.copyOf(entries.keySet())) {
            if (key.contains(part) && live(key) != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt() <= nowMillis) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    @Override
    public synchronized void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(nowMillis + lifespanSeconds * 1000, Map.copyOf(notes)));
    }

    @Override
    public synchronized Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : new HashMap<>(entry.notes());
    }

    @Override
    public synchronized Map<String, String> remove(String key) {
        Entry entry = live(key);
        entries.remove(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        throw new UnsupportedOperationException("replace() drops the lifespan in Infinispan; the limits must not use it");
    }

    @Override
    public synchronized boolean putIfAbsent(String key, long lifespanInSeconds) {
        if (lifespanInSeconds <= 0) {
            throw new IllegalArgumentException("Infinispan needs a positive lifespan");
        }
        if (live(key) != null) {
            return false;
        }
        entries.put(key, new Entry(nowMillis + lifespanInSeconds * 1000, Map.of()));
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public void close() {
    }
}
