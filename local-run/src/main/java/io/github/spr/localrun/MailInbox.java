package io.github.spr.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A local SMTP server that prints each arriving code email and keeps it as an .eml file. */
final class MailInbox {

    private final GreenMail greenMail;
    private final Path saveDir;
    private final PrintStream out;
    private Thread watcher;

    MailInbox(int port, Path saveDir, PrintStream out) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.saveDir = saveDir;
        this.out = out;
    }

    void start() throws IOException {
        Files.createDirectories(saveDir);
        greenMail.start();
        watcher = new Thread(this::watch, "mail-inbox");
        watcher.setDaemon(true);
        watcher.start();
    }

    void stop() {
        if (watcher != null) {
            watcher.interrupt();
        }
        greenMail.stop();
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
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Address::toString).collect(Collectors.joining(", "));
            String code = CodeInMail.find(plainText(message)).orElse("(no code in this message)");
            out.printf("%n[inbox] mail #%d to %s%n[inbox]   subject: %s%n[inbox]   code:    %s%n[inbox]   saved:   %s%n%n",
                    number, to, message.getSubject(), code, file);
        } catch (Exception e) {
            out.println("[inbox] could not read message #" + number + ": " + e.getMessage());
        }
    }

    private static String plainText(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return message.isMimeType("text/plain") ? text : null;
        }
        if (content instanceof Multipart multipart) {
            return plainText(multipart);
        }
        return GreenMailUtil.getBody(message);
    }

    private static String plainText(Multipart multipart) throws Exception {
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
