package dev.simstack.sample.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment provider for the demo and the load test, on the JDK's HTTP server (loopback, a free port): {@code POST /charges}
 * answers {@code {"chargeId":"ch-<orderId>"}}. It charges once per {@code Idempotency-Key} (the order id, or
 * the order id in the body when a caller sends no key), as payment APIs do, and counts calls and charges.
 */
public final class PaymentProviderServer implements AutoCloseable {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> charged = ConcurrentHashMap.newKeySet();

    private PaymentProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charges", this::charge);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts one on a free loopback port.
     *
     * @return the running provider; close it when done
     * @throws IOException if no port can be bound
     */
    public static PaymentProviderServer start() throws IOException {
        return new PaymentProviderServer();
    }

    /**
     * The base URL, the worker's {@code PAYMENT_URL}.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * Calls to {@code POST /charges}.
     *
     * @return how many were made
     */
    public int calls() {
        return calls.get();
    }

    /**
     * Charges made: distinct idempotency keys.
     *
     * @return how many orders were charged
     */
    public int ordersCharged() {
        return charged.size();
    }

    private void charge(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher orderId = ORDER_ID.matcher(body);
            if (!exchange.getRequestMethod().equals("POST") || !orderId.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            calls.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            charged.add(key == null ? orderId.group(1) : key);
            byte[] answer = ("{\"chargeId\":\"ch-" + orderId.group(1) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
