package io.github.spr.benchmark.harness;

/** One benchmark user: signs in with the email address, has a password, a TOTP secret and a mailbox on the relay. */
public record Account(String username, String email, String password, String totpSecret) {

    public static final String PASSWORD = "Bench-Password-1";

    public static Account number(int n) {
        String username = String.format("bench-%05d", n);
        // Keycloak uses the secret's UTF-8 bytes; 20 bytes, as its own OTP policy makes them.
        return new Account(username, username + "@bench.example", PASSWORD, String.format("bench-totp-secret%05d", n).substring(0, 20));
    }
}
