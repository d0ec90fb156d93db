package io.github.spr.emailcode.code;

/**
 * What the user typed or pasted into the code field, reduced to its digits.
 * People paste {@code 123 456}, {@code 123-456}, codes with a trailing newline or non-breaking spaces,
 * and phone keyboards may send full-width or other Unicode digits: all of these mean the same code.
 */
public sealed interface CodeInput permits CodeInput.Empty, CodeInput.Malformed, CodeInput.Digits {

    /** Longer input is not a code anyone pasted; it is refused before any work is done on it. */
    int MAX_RAW_LENGTH = 64;

    record Empty() implements CodeInput {
    }

    record Malformed() implements CodeInput {
    }

    record Digits(String value) implements CodeInput {
    }

    static CodeInput parse(String raw, int expectedLength) {
        if (raw == null) {
            return new Empty();
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return new Malformed();
        }
        StringBuilder digits = new StringBuilder(expectedLength);
        boolean sawAnything = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isSeparator(cp)) {
                continue;
            }
            sawAnything = true;
            int digit = Character.digit(cp, 10);
            if (digit < 0 || !Character.isDigit(cp)) {
                return new Malformed();
            }
            digits.append((char) ('0' + digit));
        }
        if (!sawAnything) {
            return new Empty();
        }
        return digits.length() == expectedLength ? new Digits(digits.toString()) : new Malformed();
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)            // no-break and other Unicode spaces
                || cp == '-' || cp == '\u2010' || cp == '\u2011' || cp == '\u2012' || cp == '\u2013'
                || cp == '\u2212'                        // hyphens, dashes and minus as typed between groups
                || cp == '\u200B' || cp == '\u200C' || cp == '\u200D' || cp == '\uFEFF'; // invisible, from copy/paste
    }
}
