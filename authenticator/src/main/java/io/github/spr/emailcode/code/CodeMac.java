package io.github.spr.emailcode.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed MAC of a code, bound to one login. Only this MAC is stored, so reading the stored state
 * (e.g. from a cache dump) does not reveal the code, and a MAC made for one login does not match in another.
 */
public final class CodeMac {

    private static final String ALGORITHM = "HmacSHA256";
    /** Domain separation: our MACs can never collide with anything else keyed by the realm's HMAC key. */
    private static final byte[] PURPOSE = "spr-email-code/v1".getBytes(StandardCharsets.UTF_8);

    private CodeMac() {
    }

    public static byte[] compute(MacKey key, String loginBinding, String code) {
        byte[] derived = hmac(key.secret(), PURPOSE);
        return hmac(derived, (loginBinding + '\n' + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time: the time taken does not depend on where the first difference is. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java runtime; reaching this means a broken JVM.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
