package io.github.spr.benchmark.jmh;

import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeMac;
import io.github.spr.emailcode.code.CodeUsage;
import io.github.spr.emailcode.code.LoginCode;
import io.github.spr.emailcode.code.MacKey;
import io.github.spr.emailcode.code.MacKeys;
import io.github.spr.emailcode.code.Verdict;
import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.testing.MemoryCodeStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keycloak.models.SingleUseObjectProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The extension's own work per login, without Keycloak: issue a code (digits, MAC, the login's notes) and verify the
 * right code (its try, its end, a slot of the wrong-code budget taken and given back). The login's notes and the
 * single-use store are in-memory maps, so this measures the code package alone; the server-side costs around it
 * (Infinispan, the authentication session) are in the load run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodeBenchmark {

    private static final String LOGIN = "3f9c2a1e-6b7d-4c1a-9e2f-0a1b2c3d4e5f/Zq8kPw1xYtE/8d7c6b5a-4f3e-2d1c-0b9a-887766554433";
    private static final long NOW = 1_700_000_000L;

    /** A 64-byte secret, as the realm's HS512 key is. */
    private final MacKey key = new MacKey("kid-1", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final MemorySingleUse singleUse = new MemorySingleUse();
    private final LoginCode code = new LoginCode(new MemoryCodeStore(), new CodeUsage(singleUse), new OneKey(key), new CodeGenerator(), LOGIN,
            new LoginCode.Rules(6, 600, 5), new SlidingWindowLimit(singleUse, "wrong.user.", 20, 86_400));

    /** What one login costs the code package: issue a code, then verify the right code. */
    @Benchmark
    public Verdict issueThenVerify() {
        singleUse.forgetEndedCodes();
        String sent = code.issue(NOW).plainCode();
        return code.verify(sent, NOW + 10, NOW * 1000 + 10_000);
    }

    /** One MAC of a code (done once on issue, once per verify): key derivation plus HMAC-SHA256. */
    @Benchmark
    public byte[] codeMac() {
        return CodeMac.compute(key, LOGIN, "123456");
    }

    record OneKey(MacKey key) implements MacKeys {
        @Override
        public MacKey active() {
            return key;
        }

        @Override
        public Optional<MacKey> byId(String id) {
            return key.id().equals(id) ? Optional.of(key) : Optional.empty();
        }
    }

    /** Keycloak's single-use store as a map, without expiry: every code's entries are new keys, so they are dropped in bulk. */
    static final class MemorySingleUse implements SingleUseObjectProvider {
        private final Map<String, Map<String, String>> entries = new HashMap<>();

        void forgetEndedCodes() {
            if (entries.size() > 10_000) {
                entries.clear();
            }
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }
}
