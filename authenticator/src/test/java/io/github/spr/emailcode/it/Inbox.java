package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.testframework.mail.MailServer;

/**
 * Reads code emails from the test framework's GreenMail server: the mails to this test's users. Codes are mailed in
 * the background, so a mail of an earlier test's user can arrive after that test ended; it is none of this test's.
 */
public final class Inbox {

    private static final Pattern CODE_LINE = Pattern.compile("^\\s*(\\d{6,10})\\s*$", Pattern.MULTILINE);

    private final MailServer mail;

    public Inbox(MailServer mail) {
        this.mail = mail;
    }

    /** How many mails this test's users have received. */
    public int count() {
        return ofThisTest().size();
    }

    /** Waits for the {@code n}-th message to this test's users and returns it. */
    public MimeMessage message(int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count() < n && System.nanoTime() < deadline) {
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        List<MimeMessage> mails = ofThisTest();
        assertTrue(mails.size() >= n, "expected at least " + n + " email(s), got " + mails.size());
        return mails.get(n - 1);
    }

    /** The code in the {@code n}-th message to this test's users. */
    public String code(int n) {
        return codeIn(message(n));
    }

    private List<MimeMessage> ofThisTest() {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestUsers.ofThisTest(MimeMessageRecipient.of(m)))
                .toList();
    }

    /** How many mails {@code address} has received in this test. */
    public int countTo(String address) {
        return mailsTo(address).size();
    }

    /**
     * The code in the {@code n}-th mail to {@code address}. By recipient, because GreenMail lists mails grouped by
     * mailbox, not by arrival: the last mail of the list is not the newest when several users receive mail.
     */
    public String codeTo(String address, int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (mailsTo(address).size() < n && System.nanoTime() < deadline) {
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        List<MimeMessage> mails = mailsTo(address);
        assertTrue(mails.size() >= n, "expected at least " + n + " mail(s) to " + address + ", got " + mails.size());
        return codeIn(mails.get(n - 1));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> MimeMessageRecipient.of(m).equalsIgnoreCase(address))
                .toList();
    }

    /** Waits a moment and reports whether any more mail arrived than {@code expected}. */
    public boolean staysAt(int expected, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (count() <= expected && System.nanoTime() < deadline) {
            mail.waitForIncomingEmail(100, mail.getReceivedMessages().length + 1);
        }
        return count() == expected;
    }

    public static String codeIn(MimeMessage message) {
        String text = plainText(message);
        Matcher matcher = CODE_LINE.matcher(text);
        if (!matcher.find()) {
            fail("no code line in the plain-text part:\n" + text);
        }
        return matcher.group(1);
    }

    /** Every code mailed so far, read or not: what the server log must never contain. */
    public List<String> allCodes() {
        return Arrays.stream(mail.getReceivedMessages())
                .map(message -> CODE_LINE.matcher(plainText(message)))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    public static String plainText(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String mimeType) {
        try {
            Object content = message.getContent();
            if (content instanceof String text && message.isMimeType(mimeType)) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                String found = part(multipart, mimeType);
                if (found != null) {
                    return found;
                }
            }
            throw new AssertionError("no " + mimeType + " part in the message");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new AssertionError("unreadable message", e);
        }
    }

    private static String part(Multipart multipart, String mimeType) throws jakarta.mail.MessagingException, java.io.IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
