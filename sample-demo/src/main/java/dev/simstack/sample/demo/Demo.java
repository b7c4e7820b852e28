package dev.simstack.sample.demo;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import dev.simstack.junit.SimStackClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The sample app under load, on an embedded stack made from its SAM template: a burst of orders at the API
 * over a window of the stack's manual clock (1,000 over ten minutes by default), then the queue drained, a
 * summary of what happened read from the stack's ledger, and the stack's HTML report.
 */
public final class Demo {

    static final String API = "orders-api";
    static final String API_FUNCTION = "orders-api";
    static final String WORKER = "payment-worker";
    static final String QUEUE = "orders";
    static final String DLQ = "orders-dlq";
    static final String TABLE = "orders";
    static final String RECEIPTS = "orders-receipts-000000000000";
    /** How long the queue may take to drain after the burst, on the stack's clock. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(30);
    /** The longest wall time a drain step waits for the stack to become quiet. */
    static final Duration QUIET_LIMIT = Duration.ofSeconds(30);

    private final DemoOptions options;
    private final PrintStream out;

    Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the demo with {@code args} (see {@link DemoOptions#USAGE}); exits 1 when the figures disagree. */
    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().isEmpty() ? DemoOptions.USAGE : e.getMessage() + "\n\n"
                    + DemoOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        if (!new Demo(options, System.out).run().consistent()) {
            System.exit(1);
        }
    }

    /** Runs it and answers the summary it printed. */
    RunSummary run() throws IOException, InterruptedException {
        long wallStart = System.nanoTime();
        out.printf("SimStack demo: the orders app (sample-app/template.yaml) on an embedded stack, %d orders over %s"
                + " of a manual clock, seed %d%n", options.orders(), RunSummary.human(options.window()), options.seed());
        Path template = templateFile();
        try (PaymentProviderServer provider = PaymentProviderServer.start();
             Stack stack = StackConfig.defaults().withRegions("us-east-1", "us-west-2")
                     .withClock(ClockSpec.manual()).withSeed(options.seed())
                     .withResourceFile(template).start()) {
            pointWorkerAt(stack, provider.url());
            out.printf("stack on %s; API %s; payment provider on %s%n", stack.endpoint(), stack.api(API).url(),
                    provider.url());
            Instant began = stack.clock().now();
            BurstResult burst = Bursts.fire(stack, BurstSpec.api(API, "POST /orders")
                    .withRequests(options.orders(), options.window())
                    .withBody("{\"customerId\":\"c-${n}\",\"amount\":${seq},\"currency\":\"EUR\"}")
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Idempotency-Key", "${uuid}"));
            out.println(burst);
            drain(stack);
            RunSummary summary = RunSummary.read(stack, burst, provider);
            summary.print(out);
            Path report = stack.report(options.output().resolve("orders-report.html"));
            out.printf("%nRan %s on the stack's clock in %.1f s of wall time.%nReport: %s%n",
                    RunSummary.human(Duration.between(began, stack.clock().now())),
                    (System.nanoTime() - wallStart) / 1e9, report.toAbsolutePath());
            return summary;
        } finally {
            Files.deleteIfExists(template);
        }
    }

    /**
     * Advances the clock until the queue is empty, printing its depth every two seconds of wall time. Each step lets
     * the stack become quiet at every instant it passes, so the worker's batches end at the instants they began, on
     * any machine.
     */
    private void drain(Stack stack) {
        SimClock clock = stack.clock();
        Instant limit = clock.now().plus(DRAIN_LIMIT);
        long lastPrint = System.nanoTime();
        QueueDepth depth = stack.queue(QUEUE).depth();
        while (!depth.isEmpty() && clock.now().isBefore(limit)) {
            clock.advanceQuietly(Duration.ofMillis(100), QUIET_LIMIT);
            depth = stack.queue(QUEUE).depth();
            if (System.nanoTime() - lastPrint > 2_000_000_000L) {
                out.printf("draining: %d orders in the queue (%d in flight)%n", depth.total(), depth.inFlight());
                lastPrint = System.nanoTime();
            }
        }
        if (!depth.isEmpty()) {
            out.printf("the queue did not drain within %s of the stack's clock: %s%n",
                    RunSummary.human(DRAIN_LIMIT), depth);
        }
    }

    /** Sets the worker's PAYMENT_URL, as {@code sam deploy --parameter-overrides PaymentUrl=...} would. */
    private static void pointWorkerAt(Stack stack, String paymentUrl) {
        try (LambdaClient lambda = SimStackClients.configure(LambdaClient.builder(), stack).build()) {
            Map<String, String> variables = new HashMap<>(lambda.getFunctionConfiguration(b -> b.functionName(WORKER))
                    .environment().variables());
            variables.put("PAYMENT_URL", paymentUrl);
            lambda.updateFunctionConfiguration(b -> b.functionName(WORKER).environment(e -> e.variables(variables)));
        }
    }

    /** The app's template from the class path (the app's jar carries it), as a file for the stack. */
    private static Path templateFile() throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("/template.yaml")) {
            if (in == null) {
                throw new IOException("template.yaml is not on the class path; build sample-app first");
            }
            Path file = Files.createTempFile("orders-template", ".yaml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
