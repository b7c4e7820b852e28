package dev.simstack.sample.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's scenario under Gatling: orders placed at {@code POST /orders} of the sample app on an embedded
 * stack (started in {@link #before()} from the app's SAM template), each with a JSON body and an
 * {@code Idempotency-Key} of its own, at an arrival rate above the stage's throttle. A 202 is OK; anything else
 * is KO, which under this load means 429. {@link #after()} drains the queue and fails the run when Gatling's
 * counts disagree with the stack's ledger ({@link LedgerCrossCheck}).
 */
public class OrdersSimulation extends Simulation {

    /** How long the queue may take to drain after the last order, in wall time. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    private final LoadProfile profile = LoadProfile.fromSystemProperties();
    private final ResponseCounts counts = new ResponseCounts();
    private final AtomicLong orderNumbers = new AtomicLong();
    private volatile OrdersStack orders;
    private volatile String ordersUrl;

    private final ScenarioBuilder placeOrders = scenario("place orders")
            .exec(session -> session.set("key", "order-" + orderNumbers.incrementAndGet()))
            .exec(http("POST /orders").post(session -> ordersUrl)
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody("{\"customerId\":\"c-#{key}\",\"amount\":1999,\"currency\":\"EUR\"}")).asJson()
                    // saveAs first: a failing check does not stop the ones before it from saving.
                    .check(status().saveAs("status"), status().is(202)))
            .exec(session -> {
                counts.record(session.isFailed(), session.contains("status") ? session.getInt("status") : 0);
                return session;
            });

    /** The users arrive as {@link LoadProfile#injection()} says. */
    public OrdersSimulation() {
        setUp(placeOrders.injectOpen(profile.injection()));
    }

    @Override
    public void before() {
        try {
            orders = OrdersStack.start(profile.clock(), profile.seed());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ordersUrl = orders.ordersUrl();
        System.out.printf("SimStack: the orders app on %s (clock %s, seed %d); about %d orders over %s of its clock"
                + " (%s of wall time)%n", orders.stack().endpoint(), profile.clock(), profile.seed(), profile.orders(),
                profile.window(), profile.wallWindow());
    }

    @Override
    public void after() {
        if (orders == null) {
            return;   // before() failed, and Gatling reports why
        }
        try (OrdersStack stack = orders) {
            stack.drain(DRAIN_LIMIT);
            LedgerCrossCheck check = LedgerCrossCheck.read(stack, counts.counts());
            String verdict = check.disagreements().isEmpty() ? "they agree" : "they DISAGREE";
            System.out.println("SimStack: Gatling's counts against the stack's ledger\n" + check + "\n" + verdict);
            Path results = Path.of(System.getProperty("load.results", "target/gatling"));
            Files.createDirectories(results);
            // The ledger's figures as key=value lines too: GatlingStatsCheck compares them with Gatling's own statistics.
            Files.writeString(results.resolve(GatlingStatsCheck.LEDGER_FILE),
                    check + "\n" + verdict + "\n" + check.ledger().lines());
            // Fails the run; Gatling then writes no HTML report (-Dgatling.reportsOnly=<run> writes it from its log).
            check.verify();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the queue drained", e);
        }
    }
}
