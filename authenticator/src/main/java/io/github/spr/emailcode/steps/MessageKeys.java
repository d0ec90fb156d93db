package io.github.spr.emailcode.steps;

/** The message keys the Java code uses; the texts are in theme-resources/messages/messages_*.properties. */
public final class MessageKeys {
    public static final String EMAIL_SUBJECT = "emailCodeSubject";
    public static final String RESENT = "emailCodeResent";
    public static final String RESEND_TOO_SOON = "emailCodeResendTooSoon";
    public static final String MISSING = "emailCodeMissing";
    public static final String MALFORMED = "emailCodeMalformed";
    public static final String WRONG = "emailCodeWrong";
    public static final String WRONG_AND_VOIDED = "emailCodeWrongAndVoided";
    public static final String EXPIRED = "emailCodeExpired";
    public static final String NO_ACTIVE_CODE = "emailCodeNoActiveCode";
    public static final String SEND_FAILED = "emailCodeSendFailed";
    public static final String NO_EMAIL = "emailCodeNoEmail";

    private MessageKeys() {
    }
}
