package io.github.spr.compat;

/** A user created for one scenario: the resend cooldown and the lockout are per user, so no two scenarios share one. */
record TestUser(String id, String username, String email, String password) {
}
