package io.github.spr.emailcode.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailMaskerTest {

    @Test
    void keepsTheFirstLetterAndTheDomain() {
        assertEquals("j\u2022\u2022\u2022@acme.com", EmailMasker.mask("jane.doe@acme.com"));
    }

    @Test
    void aOneLetterMailboxLooksLikeAnyOther() {
        assertEquals("j\u2022\u2022\u2022@acme.com", EmailMasker.mask("j@acme.com"));
    }

    @Test
    void theMaskHidesTheLengthOfTheMailboxName() {
        assertEquals(EmailMasker.mask("jo@acme.com").length(), EmailMasker.mask("jonathan.smithers@acme.com").length());
    }

    @Test
    void anAtSignInsideAQuotedMailboxIsNotTakenForTheDomain() {
        assertEquals("\"\u2022\u2022\u2022@acme.com", EmailMasker.mask("\"a@b\"@acme.com"));
    }

    @Test
    void aNonAsciiFirstLetterIsKeptWhole() {
        assertEquals("\uD835\uDC9C\u2022\u2022\u2022@acme.com", EmailMasker.mask("\uD835\uDC9Cbc@acme.com"));
    }

    @Test
    void somethingThatIsNotAnAddressRevealsNothing() {
        assertEquals("\u2022\u2022\u2022", EmailMasker.mask("not-an-address"));
        assertEquals("\u2022\u2022\u2022", EmailMasker.mask("@acme.com"));
        assertEquals("\u2022\u2022\u2022", EmailMasker.mask("jane@"));
        assertEquals("\u2022\u2022\u2022", EmailMasker.mask(""));
        assertEquals("\u2022\u2022\u2022", EmailMasker.mask(null));
    }
}
