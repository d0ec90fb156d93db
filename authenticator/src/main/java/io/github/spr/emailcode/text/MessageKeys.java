package io.github.spr.emailcode.text;

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
    public static final String BUSY = "emailCodeBusy";
    public static final String NO_EMAIL = "emailCodeNoEmail";
    public static final String UNVERIFIED_EMAIL = "emailCodeUnverifiedEmail";
    public static final String DOMAIN_NOT_ALLOWED = "emailCodeDomainNotAllowed";
    public static final String TOO_MANY_WRONG_CODES = "emailCodeTooManyWrongCodes";
    public static final String TOO_MANY_CODES_SENT = "emailCodeTooManyCodesSent";
    /** Keycloak's own lockout texts for a one-time-code step, as its OTP form shows them. */
    public static final String LOCKED_TEMPORARILY = "accountTemporarilyDisabledMessageTotp";
    public static final String LOCKED_PERMANENTLY = "accountPermanentlyDisabledMessageTotp";

    private MessageKeys() {
    }
}
