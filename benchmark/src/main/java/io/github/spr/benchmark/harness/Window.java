package io.github.spr.benchmark.harness;

/**
 * One stretch of load with a single flow. Warm-up windows only warm the JIT and caches; measured windows of the
 * three flows alternate, so a drift of the machine (another build, a GC phase) hits all three alike; relay windows
 * repeat the email flow with a slower SMTP relay to show what a user waits for.
 */
public record Window(int index, Kind kind, Flow flow, int seconds, long relayDelayMillis) {

    public enum Kind { WARMUP, MEASURED, RELAY }

    /** Names the requests of this window in Gatling's report, e.g. {@code email}, {@code warm-up otp}, {@code email @300ms relay}. */
    public String series() {
        return switch (kind) {
            case WARMUP -> "warm-up " + flow.key;
            case MEASURED -> flow.key;
            case RELAY -> flow.key + " @" + relayDelayMillis + "ms relay";
        };
    }
}
