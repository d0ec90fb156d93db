package io.github.spr.benchmark.harness;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP as Keycloak's default OTP policy computes it (HmacSHA1, 6 digits, 30 s). The secret is stored in
 * Keycloak as plain text and used as its UTF-8 bytes, which is what an imported OTP credential without a
 * {@code secretEncoding} means.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;

    private Totp() {
    }

    public static String code(String secret, long epochMillis) {
        return code(secret.getBytes(StandardCharsets.UTF_8), epochMillis / 1000 / PERIOD_SECONDS);
    }

    static String code(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] message = new byte[8];
            for (int i = 7; i >= 0; i--) {
                message[i] = (byte) counter;
                counter >>>= 8;
            }
            byte[] hash = mac.doFinal(message);
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
