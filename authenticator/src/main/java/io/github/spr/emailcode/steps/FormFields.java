package io.github.spr.emailcode.steps;

/** Names and values the two pages post. Not {@code tryAnotherWay}/{@code authenticationExecution}: Keycloak owns those. */
final class FormFields {
    static final String ACTION = "emailCodeAction";
    static final String CODE = "emailCode";

    static final String SEND = "send";
    static final String RESEND = "resend";

    private FormFields() {
    }
}
