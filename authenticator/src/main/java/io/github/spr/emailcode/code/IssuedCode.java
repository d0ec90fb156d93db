package io.github.spr.emailcode.code;

/**
 * What a login remembers of the code it was sent last: never the code itself, only its MAC, the id of the key that
 * made it, when it stops working, and an id under which its tries and its end are recorded (see {@link CodeUsage}).
 */
public record IssuedCode(String id, String keyId, byte[] mac, long expiresAt) {

    public boolean expiredAt(long now) {
        return now >= expiresAt;
    }
}
