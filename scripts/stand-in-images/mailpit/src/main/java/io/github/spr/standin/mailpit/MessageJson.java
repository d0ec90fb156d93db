package io.github.spr.standin.mailpit;

import io.github.spr.standin.mailpit.Inbox.Received;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A received message in the shape of Mailpit's {@code Message} and {@code MessageSummary} (field names as Mailpit's
 * API v1). Tags, usernames, List-Unsubscribe and attachments are always empty here: the stand-in lists none.
 */
final class MessageJson {

    private static final int SNIPPET_LENGTH = 250;

    private MessageJson() {
    }

    /** {@code GET /api/v1/message/{ID}}. */
    static Map<String, Object> message(Received received) {
        MimeMessage mime = received.message();
        Bodies bodies = bodies(mime);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ID", received.id());
        json.put("MessageID", messageId(mime));
        putAddresses(json, mime);
        json.put("ReturnPath", stripAngles(header(mime, "Return-Path")));
        json.put("Subject", subject(mime));
        json.put("ListUnsubscribe", Map.of("Header", "", "Links", List.of(), "Errors", "", "HeaderPost", ""));
        json.put("Date", rfc3339(sent(mime, received.created())));
        json.put("Tags", List.of());
        json.put("Username", "");
        json.put("Text", bodies.text);
        json.put("HTML", bodies.html);
        json.put("Size", size(mime));
        json.put("Inline", List.of());
        json.put("Attachments", List.of());
        return json;
    }

    /** One entry of {@code GET /api/v1/messages}. */
    static Map<String, Object> summary(Received received) {
        MimeMessage mime = received.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ID", received.id());
        json.put("MessageID", messageId(mime));
        json.put("Read", received.read());
        putAddresses(json, mime);
        json.put("Subject", subject(mime));
        json.put("Created", rfc3339(received.created()));
        json.put("Username", "");
        json.put("Tags", List.of());
        json.put("Size", size(mime));
        json.put("Attachments", 0);
        String text = bodies(mime).text.replaceAll("\\s+", " ").trim();
        json.put("Snippet", text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) : text);
        return json;
    }

    private static void putAddresses(Map<String, Object> json, MimeMessage mime) {
        try {
            Address[] from = mime.getFrom();
            json.put("From", from == null || from.length == 0 ? null : address(from[0]));
            json.put("To", addresses(mime.getRecipients(RecipientType.TO)));
            json.put("Cc", addresses(mime.getRecipients(RecipientType.CC)));
            json.put("Bcc", addresses(mime.getRecipients(RecipientType.BCC)));
            json.put("ReplyTo", addresses(mime.getHeader("Reply-To") == null ? null : mime.getReplyTo()));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable addresses", e);
        }
    }

    private static List<Object> addresses(Address[] addresses) {
        List<Object> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address(address));
            }
        }
        return list;
    }

    private static Map<String, Object> address(Address address) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (address instanceof InternetAddress internet) {
            json.put("Name", internet.getPersonal() == null ? "" : internet.getPersonal());
            json.put("Address", internet.getAddress());
        } else {
            json.put("Name", "");
            json.put("Address", address.toString());
        }
        return json;
    }

    /** The first text/plain and text/html parts that are not attachments. */
    private static final class Bodies {
        String text = "";
        String html = "";
    }

    private static Bodies bodies(MimeMessage mime) {
        Bodies bodies = new Bodies();
        try {
            collect(mime, bodies);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), bodies);
            }
        } else if (part.isMimeType("text/plain") && bodies.text.isEmpty()) {
            bodies.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies.html.isEmpty()) {
            bodies.html = String.valueOf(part.getContent());
        }
    }

    private static String messageId(MimeMessage mime) {
        try {
            return stripAngles(mime.getMessageID());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage mime) {
        try {
            return mime.getSubject() == null ? "" : mime.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String header(MimeMessage mime, String name) {
        try {
            String value = mime.getHeader(name, ",");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            return "";
        }
    }

    private static Instant sent(MimeMessage mime, Instant received) {
        try {
            return mime.getSentDate() == null ? received : mime.getSentDate().toInstant();
        } catch (MessagingException e) {
            return received;
        }
    }

    private static long size(MimeMessage mime) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mime.writeTo(bytes);
            return bytes.size();
        } catch (IOException | MessagingException e) {
            return 0;
        }
    }

    private static String stripAngles(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
