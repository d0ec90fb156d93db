package io.github.spr.emailcode.limits;

import io.github.spr.emailcode.config.EmailCodeConfig;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The chance that someone who has a user's password gets through the email step within one day.
 *
 * <p>Every code is uniform over N = 10^codeLength values and the attacker learns nothing about it but "wrong".
 * Every guess that is compared with a code first takes a slot of the user's wrong-code budget (B slots per any
 * 24 hours, atomic across logins, tabs and nodes; a right guess gives its slot back but ends the attack). So at
 * most B guesses are compared per day. A guess at a code that already had k wrong guesses is right with
 * probability at most 1/(N - k), and k < maxAttempts (A) before the code is void. By the union bound:
 * <pre>  P(success within a day) &lt;= B / (N - (A - 1))</pre>
 * With the defaults (6 digits, A = 5, B = 20): 20 / 999,996 ≈ 2.0e-5, under the 1e-4 aim. Resends, new logins
 * and parallel requests do not change it: each new code is a fresh uniform draw and each guess still needs a slot.
 */
public final class GuessingBound {

    public static final double AIM = 1e-4;

    private GuessingBound() {
    }

    public static double perUserPerDay(EmailCodeConfig config) {
        return perUserPerDay(config.codeLength(), config.maxAttempts(), config.maxWrongCodesPerDay());
    }

    public static double perUserPerDay(int codeLength, int maxAttempts, int maxWrongCodesPerDay) {
        BigDecimal values = BigDecimal.TEN.pow(codeLength);
        BigDecimal remaining = values.subtract(BigDecimal.valueOf(maxAttempts - 1L));
        return BigDecimal.valueOf(maxWrongCodesPerDay).divide(remaining, MathContext.DECIMAL64).doubleValue();
    }
}
