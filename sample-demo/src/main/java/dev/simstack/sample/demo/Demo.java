package dev.simstack.sample.demo;

import dev.simstack.core.QueueDepth;
import dev.simstack.core.ReportSection;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    /** How the cost block's figures are read, printed under it. */
    static final String COST_NOTE = """
              Read from the ledger: API requests received (429s included); SQS sends in 64 KB chunks plus a receive
              and a delete per worker batch (idle long polls not counted); Lambda invocations that ran, and their
              durations on the stack's clock rounded up to 1 ms (at least 1 ms) times the template's MemorySize.
              On a manual clock that is the time the demo gives each handler's work (the faults line); --real-clock
              measures wall time. DynamoDB write units (rWRU: a global table's writes, billed in each region) and
              read units (RRU) from the writes, reads and items' sizes (throttled calls are not billed); S3 PUTs,
              GETs and the receipts' bytes for the time they were stored.
            """;
    /** The largest clock scale at which the functions' timeout still outlasts a cold start in wall time. */
    static final int MAX_SCALE = 5;
    /** How long the queue may take to drain after the burst, on the stack's clock. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(30);
    /** The longest wall time a drain step waits for the stack to become quiet. */
    static final Duration QUIET_LIMIT = Duration.ofSeconds(30);

    private final DemoOptions options;
    private final PrintStream out;
    /** The last run's cost estimate and scaling figures, for the tests. */
    private CostEstimate cost;
    private CostUsage usage;
    private ScalingFigures figures;

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
        if (options.prices() != null) {
            try {
                PriceTable.load(options.prices());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
        }
        if (!new Demo(options, System.out).run().consistent()) {
            System.exit(1);
        }
    }

    /** Runs it and answers the summary it printed. */
    RunSummary run() throws IOException, InterruptedException {
        long wallStart = System.nanoTime();
        out.printf("SimStack demo: the orders app (sample-app/template.yaml) on an embedded stack, %d orders over %s"
                + " of a %s clock, seed %d%n", options.orders(), RunSummary.human(options.window()),
                options.clock(), options.seed());
        PriceTable prices = options.prices() == null ? PriceTable.builtIn() : PriceTable.load(options.prices());
        FaultPlan faults = DemoFaults.plan(options);
        out.println("faults: " + DemoFaults.describe(options));
        Path template = OrdersDeployment.templateFile();
        TemplateSettings settings = TemplateSettings.read(Files.readString(template));
        double scale = options.clockSpec().mode() == SimClock.Mode.SCALED ? options.clockSpec().scale() : 1;
        if (scale > MAX_SCALE) {
            // The functions' timeout runs on the stack's clock; a Java handler's cold start takes wall seconds.
            out.printf("note: on a scaled:%s clock the functions' %d s timeout is %.1f s of wall time, shorter than a"
                    + " cold start: invocations may time out (a factor up to %d is safe)%n", DemoOptions.number(scale),
                    settings.timeoutSeconds(), settings.timeoutSeconds() / scale, MAX_SCALE);
        }
        StackConfig config = StackConfig.defaults().withRegions("us-east-1", "us-west-2")
                .withClock(options.clockSpec()).withSeed(options.seed()).withResourceFile(template);
        try (PaymentProviderServer provider = PaymentProviderServer.start();
             Stack stack = (faults.isEmpty() ? config : config.withInterceptor(new FaultInjector(faults))).start()) {
            OrdersDeployment.pointWorkerAt(stack, provider.url());
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
            usage = CostUsage.read(stack, Map.of(API_FUNCTION, settings.memoryMb(), WORKER, settings.memoryMb()));
            cost = CostEstimate.of(usage, prices, burst.total());
            String costText = cost.text() + COST_NOTE;
            figures = ScalingFigures.read(stack, options.window(), settings);
            String advice = ScalingAdvice.text(ScalingAdvice.of(figures));
            out.printf("%nWhat this traffic would cost on AWS (%s, list prices)%n%s", stack.queue(QUEUE).ref().region(),
                    costText);
            out.printf("%nScaling advice, read from the run%n%s", advice);
            // docs:report-sections-start
            Path report = stack.report(options.output().resolve("orders-report.html"), List.of(
                    new ReportSection("Demo summary", summary.text()),
                    new ReportSection("What this traffic would cost on AWS (list prices)", costText),
                    new ReportSection("Scaling advice, read from the run", advice)));
            // docs:report-sections-end
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
    private void drain(Stack stack) throws InterruptedException {
        SimClock clock = stack.clock();
        Instant limit = clock.now().plus(DRAIN_LIMIT);
        long lastPrint = System.nanoTime();
        QueueDepth depth = stack.queue(QUEUE).depth();
        while (!depth.isEmpty() && clock.now().isBefore(limit)) {
            if (clock.mode() == SimClock.Mode.MANUAL) {
                clock.advanceQuietly(Duration.ofMillis(100), QUIET_LIMIT);
            } else {
                Thread.sleep(50);  // a real or scaled clock moves on its own
            }
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

    /** The last run's cost estimate, or null before a run. */
    CostEstimate cost() {
        return cost;
    }

    /** What the last run used, in AWS's billing units, or null before a run. */
    CostUsage usage() {
        return usage;
    }

    /** The figures the last run's scaling advice was read from, or null before a run. */
    ScalingFigures figures() {
        return figures;
    }

}
