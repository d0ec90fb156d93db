package io.github.spr.localrun;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the verification code in the plain-text part of a code email: the line that holds only digits. */
final class CodeInMail {

    private static final Pattern CODE_LINE = Pattern.compile("^\\s*(\\d[\\d ]{2,18}\\d)\\s*$", Pattern.MULTILINE);

    private CodeInMail() {
    }

    static Optional<String> find(String plainText) {
        if (plainText == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE_LINE.matcher(plainText);
        return matcher.find() ? Optional.of(matcher.group(1).replace(" ", "")) : Optional.empty();
    }
}
