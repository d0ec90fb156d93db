package io.github.spr.emailcode.outcome;

/** How the flow goes on after an outcome. */
enum Answer {
    /** Show the page; the login stays at this step. */
    CHALLENGE,
    /** Show the page as a failed credential: brute-force detection counts it, as after a wrong OTP. */
    FAILURE,
    /** Show the page whatever the step's requirement (even as an Alternative), and count nothing more. */
    STOP,
    /** The step is done: an {@code otp} credential was proven. */
    SUCCESS
}
