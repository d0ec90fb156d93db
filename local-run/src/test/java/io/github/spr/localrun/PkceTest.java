package io.github.spr.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheS256OfTheVerifierAsInRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.forVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge());
    }

    @Test
    void everyLoginGetsItsOwnVerifier() {
        Pkce first = Pkce.create();
        assertEquals(43, first.verifier().length());
        assertNotEquals(first.verifier(), Pkce.create().verifier());
    }
}
