package io.github.spr.benchmark.harness;

import java.util.ArrayList;
import java.util.List;

/** The order of windows in one run: warm-up, interleaved measured rounds, then one email window per further relay delay. */
public final class WindowPlan {

    private WindowPlan() {
    }

    public static List<Window> of(BenchSettings settings) {
        List<Window> windows = new ArrayList<>();
        long baseDelay = settings.relayDelaysMillis().get(0);
        if (settings.warmupSeconds() > 0) {
            for (Flow flow : Flow.values()) {
                windows.add(new Window(windows.size(), Window.Kind.WARMUP, flow, settings.warmupSeconds(), baseDelay));
            }
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (Flow flow : Flow.values()) {
                windows.add(new Window(windows.size(), Window.Kind.MEASURED, flow, settings.windowSeconds(), baseDelay));
            }
        }
        for (long delay : settings.relayDelaysMillis().subList(1, settings.relayDelaysMillis().size())) {
            windows.add(new Window(windows.size(), Window.Kind.RELAY, Flow.EMAIL, settings.relayWindowSeconds(), delay));
        }
        return List.copyOf(windows);
    }
}
