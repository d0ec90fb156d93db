package io.github.spr.emailcode.page;

/** Names and values the two pages post. Not {@code tryAnotherWay}/{@code authenticationExecution}: Keycloak owns those. */
public final class FormFields {
    public static final String ACTION = "emailCodeAction";
    public static final String CODE = "emailCode";

    public static final String SEND = "send";
    public static final String RESEND = "resend";
    /** What the Validate Code button posts; any other or no action value is treated the same way. */
    public static final String VALIDATE = "validate";

    private FormFields() {
    }
}
