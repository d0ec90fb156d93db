package io.github.spr.benchmark.jmh;

import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeIssuer;
import io.github.spr.emailcode.code.CodeMac;
import io.github.spr.emailcode.code.CodeStore;
import io.github.spr.emailcode.code.CodeVerifier;
import io.github.spr.emailcode.code.GuessBudget;
import io.github.spr.emailcode.code.IssuedCode;
import io.github.spr.emailcode.code.MacKey;
import io.github.spr.emailcode.code.MacKeys;
import io.github.spr.emailcode.code.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The extension's own work per login, without Keycloak: make a code, store its MAC, check the typed code.
 * The store, keys and budget are in-memory fakes like the unit tests' (CodeIssuerAndVerifierTest), so this measures
 * the code package alone; the server-side costs around it (auth-session notes, single-use store) are in the load run.
 *
 * <p>When the code package becomes a per-login object ({@code LoginCode.issue()/verify(input)}), only the fields
 * and the two benchmark methods change; the fakes go with the old interfaces.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodeBenchmark {

    private static final String LOGIN = "3f9c2a1e-6b7d-4c1a-9e2f-0a1b2c3d4e5f/Zq8kPw1xYtE/8d7c6b5a-4f3e-2d1c-0b9a-887766554433";
    private static final int LENGTH = 6;
    private static final int LIFETIME_SECONDS = 600;
    private static final int MAX_ATTEMPTS = 5;
    private static final long NOW = 1_700_000_000L;

    /** A 64-byte secret, as the realm's HS512 key is. */
    private final MacKey key = new MacKey("kid-1", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final MacKeys keys = new OneKey(key);
    private final CodeIssuer issuer = new CodeIssuer(new CodeGenerator(), keys);
    private final CodeVerifier verifier = new CodeVerifier(keys);
    private final MemoryStore store = new MemoryStore();
    private final GuessBudget budget = new UnlimitedBudget();

    /** What one login costs the code package: issue a code (SecureRandom digits + MAC), then verify the right code. */
    @Benchmark
    public Verdict issueThenVerify() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME_SECONDS, NOW);
        return verifier.verify(store, LOGIN, code, LENGTH, MAX_ATTEMPTS, NOW + 10, budget).verdict();
    }

    /** One MAC of a code (done once on issue, once per verify): key derivation plus HMAC-SHA256. */
    @Benchmark
    public byte[] codeMac() {
        return CodeMac.compute(key, LOGIN, "123456");
    }

    static final class MemoryStore implements CodeStore {
        private IssuedCode code;

        @Override
        public Optional<IssuedCode> load() {
            return Optional.ofNullable(code);
        }

        @Override
        public void save(IssuedCode code) {
            this.code = code;
        }

        @Override
        public void clear() {
            code = null;
        }
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

    static final class UnlimitedBudget implements GuessBudget {
        @Override
        public boolean tryTake() {
            return true;
        }

        @Override
        public void giveBack() {
        }
    }
}
