package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

final class MimeMessageRecipient {

    private MimeMessageRecipient() {
    }

    /** The single recipient's address. */
    static String of(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static void assertTo(MimeMessage message, String address) {
        try {
            assertEquals(1, message.getAllRecipients().length);
            assertEquals(address, message.getAllRecipients()[0].toString());
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
