package io.github.spr.clustertest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public address of the cluster (http://localhost:38080, the nodes' {@code --hostname}): every request goes to
 * the node the test routed to last, with its Host header and cookies unchanged, as behind a load balancer without
 * sticky sessions. Nothing is rewritten, so what a node answers is what the browser sees.
 */
final class LoadBalancer implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the lengths the two HTTP stacks compute themselves. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "expect");
    private static final String ALLOW_RESTRICTED = "jdk.httpclient.allowRestrictedHeaders";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private volatile ClusterNode target;

    private LoadBalancer(HttpServer server) {
        this.server = server;
    }

    static LoadBalancer start(int port) throws IOException {
        String allowed = System.getProperty(ALLOW_RESTRICTED, "");
        if (!List.of(allowed.toLowerCase().split(",")).contains("host")) {
            // Without it the JDK client replaces the browser's Host with the node's address: not a transparent balancer.
            throw new IllegalStateException("Run the tests with -D" + ALLOW_RESTRICTED + "=host (failsafe's argLine sets it)");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        LoadBalancer balancer = new LoadBalancer(server);
        server.createContext("/", balancer::forward);
        server.setExecutor(balancer.workers);
        server.start();
        return balancer;
    }

    /** From now on every request goes to {@code node}, until the test routes elsewhere. */
    void route(ClusterNode node) {
        target = node;
    }

    /** How many requests {@code node} has answered through this balancer. */
    int served(ClusterNode node) {
        return served.computeIfAbsent(node.name(), n -> new AtomicInteger()).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            ClusterNode node = target;
            if (node == null) {
                reply(exchange, 503, "no node routed");
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.directUrl() + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                reply(exchange, 502, node.name() + " did not answer: " + unreachable);
                return;
            }
            served.computeIfAbsent(node.name(), n -> new AtomicInteger()).incrementAndGet();
            Headers headers = exchange.getResponseHeaders();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    headers.put(name, values);
                }
            });
            byte[] body = response.body();
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
