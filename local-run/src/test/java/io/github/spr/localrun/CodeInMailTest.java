package io.github.spr.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeInMailTest {

    @Test
    void findsTheCodeOnItsOwnLineAndIgnoresOtherNumbers() {
        String text = "Use this code to finish signing in to Package Room Portal:\n\n    213744\n\nThe code is valid for 10 minutes.";
        assertEquals(Optional.of("213744"), CodeInMail.find(text));
    }

    @Test
    void findsAGroupedCode() {
        assertEquals(Optional.of("1234567890"), CodeInMail.find("Code:\n  12345 67890  \n"));
    }

    @Test
    void reportsNothingWhenThereIsNoCodeLine() {
        assertTrue(CodeInMail.find("valid for 10 minutes").isEmpty());
        assertTrue(CodeInMail.find(null).isEmpty());
    }
}
