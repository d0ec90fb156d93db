package io.github.spr.emailcode.limits;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/** Keycloak's single-use object store as the limits see it, with a clock the test moves. */
final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(long expiresAt, Map<String, String> notes) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    long nowMillis = 1_700_000_000_000L;

    void advance(long seconds) {
        nowMillis += seconds * 1000;
    }

    void advanceMillis(long millis) {
        nowMillis += millis;
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
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(nowMillis + lifespanSeconds * 1000, Map.copyOf(notes)));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : new HashMap<>(entry.notes());
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry entry = live(key);
        entries.remove(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        throw new UnsupportedOperationException("replace() drops the lifespan in Infinispan; the limits must not use it");
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanInSeconds) {
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
    public boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public void close() {
    }
}
