package dev.simstack.sample.load;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.sample.demo.OrdersDeployment;
import dev.simstack.sample.demo.PaymentProviderServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sample app on an embedded stack made from its SAM template (as the demo starts it), with a payment
 * provider and the worker pointed at it: what the load test runs against.
 */
final class OrdersStack implements AutoCloseable {

    static final String API = "orders-api";
    static final String WORKER = "payment-worker";
    static final String QUEUE = "orders";
    static final String DLQ = "orders-dlq";
    static final String TABLE = "orders";

    private final Path template;
    private final PaymentProviderServer provider;
    private final Stack stack;

    private OrdersStack(Path template, PaymentProviderServer provider, Stack stack) {
        this.template = template;
        this.provider = provider;
        this.stack = stack;
    }

    static OrdersStack start(ClockSpec clock, long seed) throws IOException {
        Path template = OrdersDeployment.templateFile();
        PaymentProviderServer provider = PaymentProviderServer.start();
        try {
            Stack stack = StackConfig.defaults().withRegions("us-east-1", "us-west-2").withClock(clock).withSeed(seed)
                    .withResourceFile(template).start();
            OrdersStack orders = new OrdersStack(template, provider, stack);
            OrdersDeployment.pointWorkerAt(stack, provider.url());
            return orders;
        } catch (RuntimeException e) {
            provider.close();
            Files.deleteIfExists(template);
            throw e;
        }
    }

    Stack stack() {
        return stack;
    }

    /** {@code POST} here to place an order. */
    String ordersUrl() {
        return stack.api(API).url() + "/orders";
    }

    /**
     * Waits until the queue is empty: every accepted order paid or dead-lettered. A manual clock is advanced
     * (100 ms at a time); a real or scaled one runs by itself. Gives up after {@code wallLimit} of wall time.
     *
     * @return the queue's depth at the end, empty unless the limit was reached
     */
    QueueDepth drain(Duration wallLimit) throws InterruptedException {
        SimClock clock = stack.clock();
        long deadline = System.nanoTime() + wallLimit.toNanos();
        QueueDepth depth = stack.queue(QUEUE).depth();
        while (!depth.isEmpty() && System.nanoTime() < deadline) {
            if (clock.mode() == SimClock.Mode.MANUAL) {
                clock.advance(Duration.ofMillis(100));
                Thread.sleep(3);   // the worker's event source mapping acts on the new time
            } else {
                Thread.sleep(50);
            }
            depth = stack.queue(QUEUE).depth();
        }
        return depth;
    }

    @Override
    public void close() throws IOException {
        try {
            stack.close();
        } finally {
            provider.close();
            Files.deleteIfExists(template);
        }
    }

}
