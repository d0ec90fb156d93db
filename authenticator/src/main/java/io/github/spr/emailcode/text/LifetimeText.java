package io.github.spr.emailcode.text;

import java.util.Map;

/**
 * How a lifetime is worded: whole minutes from two minutes up ("10 minutes"), seconds otherwise ("90 seconds"),
 * so no language ever has to say "1 minutes". Values are strings so MessageFormat adds no digit grouping.
 */
public final class LifetimeText {

    private LifetimeText() {
    }

    public static void put(Map<String, Object> attributes, String minutesName, String secondsName, int lifetimeSeconds) {
        if (lifetimeSeconds >= 120 && lifetimeSeconds % 60 == 0) {
            attributes.put(minutesName, Integer.toString(lifetimeSeconds / 60));
        } else {
            attributes.put(secondsName, Integer.toString(lifetimeSeconds));
        }
    }
}
