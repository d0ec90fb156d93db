package io.github.spr.emailcode.code;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A realm's MAC keys that a test rotates, and deletes, at will. */
final class TestKeys implements MacKeys {

    private final Map<String, MacKey> all = new HashMap<>();
    private MacKey active;
    private int generation;

    TestKeys() {
        rotate();
    }

    void rotate() {
        generation++;
        active = new MacKey("kid-" + generation, ("secret-" + generation).getBytes(StandardCharsets.UTF_8));
        all.put(active.id(), active);
    }

    void rotateAndForgetOld() {
        all.clear();
        rotate();
    }

    @Override
    public MacKey active() {
        return active;
    }

    @Override
    public Optional<MacKey> byId(String id) {
        return Optional.ofNullable(all.get(id));
    }
}
