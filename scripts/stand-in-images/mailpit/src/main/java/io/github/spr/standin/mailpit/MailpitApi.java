package io.github.spr.standin.mailpit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.spr.standin.mailpit.Inbox.Received;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The part of Mailpit's HTTP interface the project uses, with Mailpit's paths, status codes and field names:
 * {@code GET /readyz}, {@code GET /livez}, {@code GET /api/v1/messages} ({@code start}, {@code limit}),
 * {@code DELETE /api/v1/messages} (all of them), {@code GET /api/v1/message/{ID}} ({@code latest} too), and at
 * {@code /} a plain HTML list in place of Mailpit's web app. Anything else: 404.
 */
final class MailpitApi implements HttpHandler {

    private static final String MESSAGE_PREFIX = "/api/v1/message/";
    private static final int DEFAULT_LIMIT = 50;

    private final Inbox inbox;

    MailpitApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && (path.equals("/readyz") || path.equals("/livez"))) {
                send(exchange, 200, "text/plain; charset=utf-8", "ok");
            } else if (method.equals("GET") && path.equals("/api/v1/messages")) {
                send(exchange, 200, "application/json", Json.write(messages(exchange.getRequestURI())));
            } else if (method.equals("DELETE") && path.equals("/api/v1/messages")) {
                deleteAll(exchange);
            } else if (method.equals("GET") && path.startsWith(MESSAGE_PREFIX) && path.indexOf('/', MESSAGE_PREFIX.length()) < 0) {
                message(exchange, path.substring(MESSAGE_PREFIX.length()));
            } else if (method.equals("GET") && path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", InboxPage.render(inbox.newestFirst()));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "404 page not found (the Mailpit stand-in serves only part of Mailpit's API)");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", String.valueOf(e.getMessage()));
        }
    }

    private Map<String, Object> messages(URI uri) {
        Map<String, String> query = query(uri);
        List<Received> all = inbox.newestFirst();
        int start = Math.max(0, parse(query.get("start"), 0));
        int limit = Math.max(1, parse(query.get("limit"), DEFAULT_LIMIT));
        List<Object> page = all.stream().skip(start).limit(limit).map(MessageJson::summary).collect(Collectors.toList());
        long unread = all.stream().filter(r -> !r.read()).count();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", all.size());
        json.put("unread", unread);
        json.put("count", page.size());
        json.put("messages_count", all.size());
        json.put("messages_unread", unread);
        json.put("start", start);
        json.put("tags", List.of());
        json.put("messages", page);
        return json;
    }

    private void message(HttpExchange exchange, String id) throws IOException {
        Optional<Received> received = inbox.open(id);
        if (received.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "message not found");
        } else {
            send(exchange, 200, "application/json", Json.write(MessageJson.message(received.get())));
        }
    }

    private void deleteAll(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.matches("(?s).*\"IDs\"\\s*:\\s*\\[\\s*\".*")) {
            send(exchange, 400, "text/plain; charset=utf-8", "the Mailpit stand-in deletes all messages only (no IDs)");
            return;
        }
        inbox.deleteAll();
        send(exchange, 200, "text/plain; charset=utf-8", "ok");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
