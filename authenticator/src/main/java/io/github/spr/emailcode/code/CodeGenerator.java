package io.github.spr.emailcode.code;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Makes codes of uniformly random decimal digits. */
public final class CodeGenerator {

    private final RandomGenerator random;

    public CodeGenerator() {
        this(new SecureRandom());
    }

    /** For tests that need a predictable source; production always uses {@link SecureRandom}. */
    CodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String generate(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("code length must be positive: " + length);
        }
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            // nextInt(bound) rejects the biased tail of the range, so every digit is equally likely.
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
