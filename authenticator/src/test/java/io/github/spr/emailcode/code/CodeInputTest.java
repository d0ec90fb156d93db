package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456", "123 456", "123-456", " 123456 ", "123456\n", "123456\r\n", "\t12 34 56\t",
            "123\u00A0456", "123\u2013456", "\u200B123456"})
    void pastedAndTypedFormatsReduceToTheDigits(String raw) {
        assertEquals(new CodeInput.Digits("123456"), CodeInput.parse(raw, 6));
    }

    @Test
    void fullWidthDigitsFromAnImeCountAsDigits() {
        assertEquals(new CodeInput.Digits("123456"), CodeInput.parse("\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16", 6));
    }

    @Test
    void arabicIndicDigitsCountAsDigits() {
        assertEquals(new CodeInput.Digits("123456"), CodeInput.parse("\u0661\u0662\u0663\u0664\u0665\u0666", 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", " - "})
    void blankInputIsEmpty(String raw) {
        assertInstanceOf(CodeInput.Empty.class, CodeInput.parse(raw, 6));
    }

    @Test
    void nullInputIsEmpty() {
        assertInstanceOf(CodeInput.Empty.class, CodeInput.parse(null, 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12345a", "abcdef", "<script>alert(1)</script>", "12.3456",
            "123456!", "\u00B2\u00B3\u00B9456"})
    void anythingElseIsMalformed(String raw) {
        assertInstanceOf(CodeInput.Malformed.class, CodeInput.parse(raw, 6));
    }

    @Test
    void overlongInputIsMalformedEvenIfItIsAllSeparatorsAroundACode() {
        String raw = " ".repeat(CodeInput.MAX_RAW_LENGTH) + "123456";
        assertInstanceOf(CodeInput.Malformed.class, CodeInput.parse(raw, 6));
    }

    @Test
    void tenThousandCharactersAreMalformed() {
        assertInstanceOf(CodeInput.Malformed.class, CodeInput.parse("1".repeat(10_000), 6));
    }

    @Test
    void theExpectedLengthFollowsTheConfig() {
        assertEquals(new CodeInput.Digits("12345678"), CodeInput.parse("1234-5678", 8));
        assertInstanceOf(CodeInput.Malformed.class, CodeInput.parse("123456", 8));
    }
}
