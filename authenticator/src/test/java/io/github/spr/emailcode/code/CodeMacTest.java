package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CodeMacTest {

    private static final MacKey KEY = new MacKey("kid", "realm-secret".getBytes(StandardCharsets.UTF_8));
    private static final String LOGIN = "root/tab/user";

    /**
     * HMAC-SHA256 under a key derived for this purpose only: HMAC(HMAC(realm key, "spr-email-code/v1"), login + "\n" +
     * code). The expected value was computed once with Python's hmac module. Every node and every version must compute
     * the same MAC, or codes sent before a rolling upgrade stop working in the middle of a login.
     */
    @Test
    void theMacOfAKnownCodeIsTheSameOnEveryNodeAndVersion() {
        assertEquals("4b438576cdc9a33ca13b1eecb63a7e1a9870f427e1aa7cb99ca118bfa7f97f0e",
                HexFormat.of().formatHex(CodeMac.compute(KEY, LOGIN, "123456")));
    }

    @Test
    void theMacDependsOnKeyLoginAndCode() {
        byte[] mac = CodeMac.compute(KEY, LOGIN, "123456");
        assertArrayEquals(mac, CodeMac.compute(new MacKey(KEY.id(), KEY.secret().clone()), LOGIN, "123456"));
        assertNotEquals(hex(mac), hex(CodeMac.compute(KEY, LOGIN, "123457")));
        assertNotEquals(hex(mac), hex(CodeMac.compute(KEY, LOGIN + "x", "123456")));
        assertNotEquals(hex(mac), hex(CodeMac.compute(new MacKey("other", "another secret".getBytes(StandardCharsets.UTF_8)), LOGIN, "123456")));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
