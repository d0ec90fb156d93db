package io.github.spr.emailcode.code;

/**
 * The stored state of the code that was last sent in one login: never the code itself, only its MAC,
 * the id of the key that made it, when it stops working, and how many wrong entries it has had.
 */
public record IssuedCode(String keyId, byte[] mac, long expiresAt, int wrongAttempts) {

    public boolean expiredAt(long now) {
        return now >= expiresAt;
    }

    public IssuedCode withOneMoreWrongAttempt() {
        return new IssuedCode(keyId, mac, expiresAt, wrongAttempts + 1);
    }
}
