package io.github.spr.standin.mailpit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What GreenMail's SMTP server received, newest first, each message with an ID that stays the same between requests
 * (GreenMail keeps one copy per recipient; so does this inbox, where Mailpit keeps one per SMTP transaction).
 */
final class Inbox implements AutoCloseable {

    /** One received message. */
    record Received(String id, MimeMessage message, Instant created, boolean read) {
    }

    private final GreenMail greenMail;
    /** GreenMail's stored messages are the same objects on every read: their identity is the key. */
    private final Map<StoredMessage, String> ids = new WeakHashMap<>();
    private final Set<String> read = new HashSet<>();
    private long lastId;

    private Inbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static Inbox listening(int smtpPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "0.0.0.0", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new Inbox(greenMail);
    }

    synchronized List<Received> newestFirst() {
        List<StoredMessage> stored = new ArrayList<>(greenMail.getManagers().getImapHostManager().getAllMessages());
        stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).thenComparingLong(StoredMessage::getUid));
        List<Received> received = new ArrayList<>();
        for (StoredMessage message : stored) {
            String id = ids.computeIfAbsent(message, m -> String.format("%022d", ++lastId));
            received.add(new Received(id, message.getMimeMessage(), message.getReceivedDate().toInstant(), read.contains(id)));
        }
        Collections.reverse(received);
        return received;
    }

    /** The message {@code id}, or the newest for {@code latest} (as Mailpit), marked read as Mailpit does. */
    synchronized Optional<Received> open(String id) {
        List<Received> all = newestFirst();
        Optional<Received> found = "latest".equals(id) ? all.stream().findFirst() : all.stream().filter(r -> r.id().equals(id)).findFirst();
        found.ifPresent(r -> read.add(r.id()));
        return found;
    }

    synchronized void deleteAll() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail could not purge its mailboxes", e);
        }
        ids.clear();
        read.clear();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
