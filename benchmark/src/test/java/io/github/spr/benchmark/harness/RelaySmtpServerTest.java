package io.github.spr.benchmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The relay as Keycloak talks to it (Jakarta Mail over plain SMTP), with and without a delay. */
class RelaySmtpServerTest {

    @Test
    void keepsTheCodePerRecipientAndDelaysEveryReply() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (RelaySmtpServer relay = new RelaySmtpServer(port)) {
            relay.start();
            send(port, "a@bench.example", "Your code\n\n    123456\n\nValid for 10 minutes.");
            assertEquals(Optional.of("123456"), relay.takeCode("A@bench.example"));
            assertEquals(Optional.empty(), relay.takeCode("a@bench.example"), "a code is handed out once");

            relay.replyDelayMillis(50);
            long started = System.nanoTime();
            send(port, "b@bench.example", "    654321");
            long millis = (System.nanoTime() - started) / 1_000_000;
            // greeting, EHLO, MAIL, RCPT, DATA, end of data, QUIT
            assertTrue(millis >= 7 * 50, "took " + millis + " ms");
            assertEquals(Optional.of("654321"), relay.takeCode("b@bench.example"));
            assertEquals(2, relay.mailsReceived());
        }
    }

    private static void send(int port, String to, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@portal.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("code");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, html));
        Transport.send(message);
    }
}
