package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    @Test
    void codesHaveTheRequestedNumberOfDigits() {
        CodeGenerator generator = new CodeGenerator();
        for (int length = 4; length <= 10; length++) {
            String code = generator.generate(length);
            assertEquals(length, code.length());
            assertTrue(code.chars().allMatch(c -> c >= '0' && c <= '9'), code);
        }
    }

    @Test
    void leadingZerosAreKept() {
        // A code is a string of digits, not a number: 000123 must stay six characters.
        CodeGenerator generator = new CodeGenerator(new SplittableRandom(7));
        boolean sawLeadingZero = false;
        for (int i = 0; i < 200 && !sawLeadingZero; i++) {
            String code = generator.generate(6);
            assertEquals(6, code.length());
            sawLeadingZero = code.charAt(0) == '0';
        }
        assertTrue(sawLeadingZero, "200 codes without a leading zero: digits are not uniform");
    }

    @Test
    void everyDigitIsAboutEquallyLikelyInEveryPosition() {
        // Seeded, so the test is repeatable: it checks how random numbers become digits, which is where bias creeps in.
        CodeGenerator generator = new CodeGenerator(new SplittableRandom(42));
        int samples = 20_000;
        int[][] counts = new int[6][10];
        for (int i = 0; i < samples; i++) {
            String code = generator.generate(6);
            for (int p = 0; p < 6; p++) {
                counts[p][code.charAt(p) - '0']++;
            }
        }
        // Chi-squared with 9 degrees of freedom per position; 27.88 is the 0.999 quantile. A mapping with
        // modulo bias (e.g. a byte % 10) lands far above it at this sample size.
        for (int p = 0; p < 6; p++) {
            double expected = samples / 10.0;
            double chi2 = 0;
            for (int d = 0; d < 10; d++) {
                double diff = counts[p][d] - expected;
                chi2 += diff * diff / expected;
            }
            assertTrue(chi2 < 27.88, "position " + p + " chi2=" + chi2);
        }
    }

    @Test
    void aLengthBelowOneIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new CodeGenerator().generate(0));
    }
}
