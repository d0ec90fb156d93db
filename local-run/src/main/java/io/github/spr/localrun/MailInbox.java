package io.github.spr.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A local SMTP server (GreenMail) for code emails. The local run prints each arriving mail and keeps it as an .eml
 * file; harnesses that drive sign-ins over HTTP read the codes back with {@link #awaitCode}.
 */
public final class MailInbox {

    private final GreenMail greenMail;
    private final Path saveDir;
    private final PrintStream out;
    private Thread watcher;

    /** An inbox that prints every mail to {@code out} and saves it in {@code saveDir}. */
    public MailInbox(int port, Path saveDir, PrintStream out) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.saveDir = saveDir;
        this.out = out;
    }

    /** A quiet inbox for harnesses: nothing printed, nothing saved. */
    public static MailInbox quiet(int port) {
        return new MailInbox(port, null, null);
    }

    public void start() throws IOException {
        greenMail.start();
        if (out != null) {
            Files.createDirectories(saveDir);
            watcher = new Thread(this::watch, "mail-inbox");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    public void stop() {
        if (watcher != null) {
            watcher.interrupt();
        }
        greenMail.stop();
    }

    /** How many mails {@code recipient} has received so far. */
    public int count(String recipient) {
        return mailsTo(recipient).size();
    }

    /**
     * The code in the {@code n}-th mail (1-based) to {@code recipient}, waiting up to {@code timeout} for it to arrive.
     *
     * @throws IllegalStateException when it does not arrive in time or holds no code
     */
    public String awaitCode(String recipient, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> mails = mailsTo(recipient);
            if (mails.size() >= n) {
                try {
                    return CodeInMail.find(plainText(mails.get(n - 1)))
                            .orElseThrow(() -> new IllegalStateException("mail #" + n + " to " + recipient + " holds no code"));
                } catch (IOException | MessagingException e) {
                    throw new IllegalStateException("unreadable mail to " + recipient, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mail #" + n + " to " + recipient + " did not arrive within " + timeout
                        + " (" + mails.size() + " arrived)");
            }
            greenMail.waitForIncomingEmail(100, greenMail.getReceivedMessages().length + 1);
        }
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).stream().anyMatch(recipient::equalsIgnoreCase))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private void watch() {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                greenMail.waitForIncomingEmail(1000, seen + 1);
                MimeMessage[] messages = greenMail.getReceivedMessages();
                for (int i = seen; i < messages.length; i++) {
                    report(i + 1, messages[i]);
                }
                seen = messages.length;
            } catch (RuntimeException e) {
                out.println("[inbox] could not read a message: " + e.getMessage());
                seen = greenMail.getReceivedMessages().length;
            }
        }
    }

    private void report(int number, MimeMessage message) {
        try {
            Path file = saveDir.resolve(String.format("%03d.eml", number));
            try (OutputStream stream = Files.newOutputStream(file)) {
                message.writeTo(stream);
            }
            String to = String.join(", ", recipients(message));
            String code = CodeInMail.find(plainText(message)).orElse("(no code in this message)");
            out.printf("%n[inbox] mail #%d to %s%n[inbox]   subject: %s%n[inbox]   code:    %s%n[inbox]   saved:   %s%n%n",
                    number, to, message.getSubject(), code, file);
        } catch (Exception e) {
            out.println("[inbox] could not read message #" + number + ": " + e.getMessage());
        }
    }

    private static String plainText(MimeMessage message) throws IOException, MessagingException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return message.isMimeType("text/plain") ? text : null;
        }
        if (content instanceof Multipart multipart) {
            return plainText(multipart);
        }
        return GreenMailUtil.getBody(message);
    }

    private static String plainText(Multipart multipart) throws IOException, MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String text = plainText(nested);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
