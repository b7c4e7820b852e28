package dev.simstack.sample.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment provider under load: the JDK's HTTP server on loopback, {@code POST /charges} answering
 * {@code {"chargeId":"ch-<orderId>"}}. (The demo has its own, package-private in its module; this one is as
 * small and keeps this module free of the demo's shaded jar.)
 */
final class PaymentProvider implements AutoCloseable {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private PaymentProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charges", this::charge);
        server.setExecutor(threads);
        server.start();
    }

    static PaymentProvider start() throws IOException {
        return new PaymentProvider();
    }

    /** The base URL, the worker's {@code PAYMENT_URL}. */
    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void charge(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher orderId = ORDER_ID.matcher(body);
            if (!exchange.getRequestMethod().equals("POST") || !orderId.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] answer = ("{\"chargeId\":\"ch-" + orderId.group(1) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
