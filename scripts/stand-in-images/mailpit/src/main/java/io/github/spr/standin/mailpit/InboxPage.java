package io.github.spr.standin.mailpit;

import io.github.spr.standin.mailpit.Inbox.Received;
import java.util.List;
import java.util.Map;

/** The page at {@code /}: every message's recipients, subject and text, newest first; no script, nothing to click. */
final class InboxPage {

    private InboxPage() {
    }

    static String render(List<Received> messages) {
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Inbox (Mailpit stand-in)</title></head><body><h1>Inbox</h1>");
        if (messages.isEmpty()) {
            page.append("<p>No messages yet.</p>");
        }
        for (Received received : messages) {
            Map<String, Object> message = MessageJson.message(received);
            page.append("<article><h2>").append(escape(String.valueOf(message.get("Subject")))).append("</h2><p>To: ")
                    .append(escape(String.valueOf(message.get("To")))).append(" &middot; ").append(escape(String.valueOf(message.get("Date"))))
                    .append("</p><pre>").append(escape(String.valueOf(message.get("Text")))).append("</pre></article>");
        }
        return page.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
