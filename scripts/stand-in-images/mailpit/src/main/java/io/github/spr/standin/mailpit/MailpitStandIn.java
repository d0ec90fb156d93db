package io.github.spr.standin.mailpit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The stand-in's process: GreenMail receives mail on port 1025, {@link MailpitApi} serves it on port 8025, both on
 * every interface of the container, as Mailpit's defaults do. No options: the compose overlay and the tests use none.
 */
public final class MailpitStandIn {

    static final int SMTP_PORT = 1025;
    static final int HTTP_PORT = 8025;

    private MailpitStandIn() {
    }

    public static void main(String[] args) throws IOException {
        Inbox inbox = Inbox.listening(SMTP_PORT);
        HttpServer http = HttpServer.create(new InetSocketAddress(HTTP_PORT), 0);
        http.createContext("/", new MailpitApi(inbox));
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            inbox.close();
        }));
        System.out.println("Mailpit stand-in: SMTP on port " + SMTP_PORT + ", HTTP on port " + HTTP_PORT);
    }
}
