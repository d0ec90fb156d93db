package io.github.spr.benchmark.harness;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server that stands in for a remote relay: it answers every SMTP reply (greeting included) only after a
 * configurable delay, keeps the latest code per recipient for the load generator, and throws every mail away.
 * GreenMail cannot delay its replies, and what the email step costs a user depends on how slow the relay is.
 */
public final class RelaySmtpServer implements AutoCloseable {

    /** The code line of the code mail's plain-text part: only digits, indented. */
    private static final Pattern CODE_LINE = Pattern.compile("^\\s*(\\d{6,10})\\s*$", Pattern.MULTILINE);
    /** Bounds the memory of codes nobody picked up (e.g. the pending logins of the heap measurement). */
    private static final int MAX_KEPT_CODES = 50_000;
    private static final Session MIME = Session.getInstance(new Properties());

    private final int port;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicLong mails = new AtomicLong();
    private final AtomicLong mailsWithoutCode = new AtomicLong();
    private volatile long replyDelayMillis;
    private ServerSocket socket;
    private ExecutorService connections;

    public RelaySmtpServer(int port) {
        this.port = port;
    }

    public void start() throws IOException {
        socket = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        connections = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "relay-smtp");
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::accept, "relay-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Every reply, the greeting included, waits this long: a relay across a network answers each command late. */
    public void replyDelayMillis(long millis) {
        this.replyDelayMillis = millis;
    }

    public long replyDelayMillis() {
        return replyDelayMillis;
    }

    /** The code last mailed to {@code recipient}, removed so that the next login of that user waits for its own. */
    /** The code mailed to {@code recipient}, waiting up to {@code timeout}: codes are mailed in the background. */
    public Optional<String> awaitCode(String recipient, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> code = takeCode(recipient);
        while (code.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            code = takeCode(recipient);
        }
        return code;
    }

    public Optional<String> takeCode(String recipient) {
        return Optional.ofNullable(codes.remove(recipient.toLowerCase(Locale.ROOT)));
    }

    public long mailsReceived() {
        return mails.get();
    }

    public long mailsWithoutCode() {
        return mailsWithoutCode.get();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (connections != null) {
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 bench-relay ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-bench-relay\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 bench-relay");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipient = address(line);
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] message = readData(in);
                        received(recipient, message);
                        reply(out, "250 OK queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away (or we are shutting down): nothing to keep.
        }
    }

    private void reply(OutputStream out, String text) throws IOException, InterruptedException {
        long delay = replyDelayMillis;
        if (delay > 0) {
            Thread.sleep(delay);
        }
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] readData(BufferedReader in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(4096);
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            // RFC 5321 4.5.2: a leading dot was doubled by the sender.
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            data.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    private void received(String recipient, byte[] message) {
        mails.incrementAndGet();
        Optional<String> code = codeIn(message);
        if (recipient == null || code.isEmpty()) {
            mailsWithoutCode.incrementAndGet();
            return;
        }
        if (codes.size() >= MAX_KEPT_CODES) {
            codes.clear();
        }
        codes.put(recipient.toLowerCase(Locale.ROOT), code.get());
    }

    static Optional<String> codeIn(byte[] message) {
        try {
            String text = plainText(new MimeMessage(MIME, new ByteArrayInputStream(message)).getContent());
            if (text == null) {
                return Optional.empty();
            }
            Matcher matcher = CODE_LINE.matcher(text);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException | MessagingException e) {
            return Optional.empty();
        }
    }

    private static String plainText(Object content) throws IOException, MessagingException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                String nested = part.getContent() instanceof Multipart ? plainText(part.getContent()) : null;
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    static String address(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>', open + 1);
        return open >= 0 && close > open ? rcptLine.substring(open + 1, close) : rcptLine.substring(rcptLine.indexOf(':') + 1).trim();
    }
}
