package dev.simstack.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, small: its summary accounts for every order, the same seed gives the same counts, the faults, costs
 * and advice agree with the run's figures, it runs on a real and a scaled clock, and a report is written.
 */
class DemoTest {

    private static ByteArrayOutputStream printed() {
        return new ByteArrayOutputStream();
    }

    private static PrintStream to(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void a_run_accounts_for_every_order_and_the_same_seed_gives_the_same_counts(@TempDir Path out) throws Exception {
        DemoOptions options = DemoOptions.parse("--orders", "200", "--window", "1m", "--seed", "7",
                "--out", out.toString());
        ByteArrayOutputStream printed = printed();

        RunSummary first = new Demo(options, to(printed)).run();
        RunSummary second = new Demo(options, to(printed())).run();

        assertThat(first.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check).isTrue());
        // 10 at once, then 1 a second for the minute: the stage's throttle decides the same way every run.
        assertThat(first.accepted()).isEqualTo(69);
        assertThat(first.throttled()).isEqualTo(131);
        assertThat(first.processed()).isEqualTo(69);
        assertThat(second).extracting(RunSummary::sent, RunSummary::accepted, RunSummary::throttled,
                RunSummary::processed, RunSummary::inDeadLetterQueue)
                .containsExactly(200, 69, 131, 69L, 0);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("orders sent                200")
                .contains("ok    sent = accepted + throttled + failed")
                .contains("Report: " + out.resolve("orders-report.html").toAbsolutePath());
        assertThat(Files.readString(out.resolve("orders-report.html"))).contains("orders-api", "payment-worker");
    }

    @Test
    void with_the_faults_on_duplicates_are_suppressed_and_costs_and_advice_agree_with_the_run(@TempDir Path out)
            throws Exception {
        DemoOptions options = DemoOptions.parse("--orders", "150", "--window", "1m", "--seed", "3",
                "--duplicate-rate", "0.2", "--throttle-rate", "0.05", "--out", out.toString());
        ByteArrayOutputStream printed = printed();
        Demo demo = new Demo(options, to(printed));

        RunSummary summary = demo.run();

        assertThat(summary.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check).isTrue());
        assertThat(summary.duplicatesSuppressed()).isPositive().isLessThanOrEqualTo(summary.redelivered());
        assertThat(summary.ordersCharged()).isEqualTo(summary.processed());
        assertThat(summary.throttledTableCalls()).isPositive();
        CostUsage usage = demo.usage();
        assertThat(usage.apiRequests()).isEqualTo(summary.sent());
        assertThat(usage.lambdaRequests()).isEqualTo(summary.workerInvocations() + summary.accepted());
        // a receipt per paid order, and a refused conditional put per duplicate suppressed
        assertThat(usage.s3Puts()).isEqualTo(summary.receipts() + summary.duplicatesSuppressed());
        assertThat(usage.writeUnits()).containsOnlyKeys("us-east-1", "us-west-2");
        assertThat(demo.cost().perMillionOrders()).isCloseTo(demo.cost().total() / 150 * 1e6,
                org.assertj.core.data.Offset.offset(1e-9));
        ScalingFigures figures = demo.figures();
        assertThat(figures.arrivals()).hasSize(150);
        assertThat(figures.throttled()).isEqualTo(summary.throttled());
        assertThat(figures.invocations()).isEqualTo(summary.workerInvocations());
        assertThat(figures.peakConcurrency()).isEqualTo(summary.peakWorkerConcurrency());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("; 20% of the orders queue's messages delivered twice; 5% of DynamoDB calls on the "
                        + "orders table throttled")
                .contains("duplicates suppressed      " + summary.duplicatesSuppressed() + "  (")
                .contains("What this traffic would cost on AWS (us-east-1, list prices)")
                .contains("for 150 orders sent; per 1M orders of the same mix:")
                .contains("Scaling advice, read from the run")
                .contains("  stage throttle      a stage of rate ");
        assertThat(Files.readString(out.resolve("orders-report.html")))
                .contains("What this traffic would cost on AWS (list prices)", "Scaling advice, read from the run",
                        "Demo summary", "mermaid-src");
    }

    @Test
    void with_the_faults_off_nothing_is_redelivered_or_throttled_and_ones_own_prices_apply(@TempDir Path out)
            throws Exception {
        Path prices = out.resolve("prices.csv");
        Files.writeString(prices, Files.readString(Path.of("src/main/resources/prices.csv"))
                .replace("us-east-1,apigateway,rest-request,3.50,1000000", "us-east-1,apigateway,rest-request,1,1"));
        DemoOptions options = DemoOptions.parse("--orders", "40", "--window", "30s", "--duplicate-rate", "0",
                "--throttle-rate", "0", "--prices", prices.toString(), "--out", out.toString());
        ByteArrayOutputStream printed = printed();
        Demo demo = new Demo(options, to(printed));

        RunSummary summary = demo.run();

        assertThat(summary.consistent()).isTrue();
        assertThat(summary).extracting(RunSummary::redelivered, RunSummary::duplicatesSuppressed,
                RunSummary::throttledTableCalls).containsExactly(0L, 0L, 0L);
        assertThat(demo.cost().byService().get("API Gateway")).isEqualTo(40.0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("faults: handlers take 40ms (API) and 400ms (worker; 10% 3.0s: a slow payment provider) of the "
                        + "stack's clock\n")
                .contains("  API Gateway       $40.00   40 REST requests $40.00")
                .contains("prices: " + prices + ", read 2026-12-03");
    }

    @Test
    void the_same_scenario_runs_on_a_real_and_on_a_scaled_clock(@TempDir Path out) throws Exception {
        RunSummary real = new Demo(DemoOptions.parse("--real-clock", "--orders", "20", "--window", "4s",
                "--out", out.resolve("real").toString()), to(printed())).run();
        ByteArrayOutputStream printed = printed();
        RunSummary scaled = new Demo(DemoOptions.parse("--clock", "scaled:5", "--orders", "30", "--window", "30s",
                "--out", out.resolve("scaled").toString()), to(printed)).run();

        assertThat(real.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check).isTrue());
        assertThat(real.sent()).isEqualTo(20);
        assertThat(real.accepted()).isGreaterThanOrEqualTo(10);   // the stage's burst, at least
        assertThat(scaled.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check).isTrue());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("30 orders over 30.0s of a scaled:5 clock");
        assertThat(out.resolve("real").resolve("orders-report.html")).exists();
    }

    @Test
    void options_parse_and_a_wrong_one_is_named() {
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.defaults()).extracting(DemoOptions::duplicateRate, DemoOptions::throttleRate,
                DemoOptions::clock).containsExactly(0.05, 0.02, "manual");
        assertThat(DemoOptions.parse("--window", "PT30S").window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DemoOptions.parse("--real-clock")).extracting(DemoOptions::clock, DemoOptions::window)
                .containsExactly("real", Duration.ofMinutes(1));
        assertThat(DemoOptions.parse("--window", "20s", "--real-clock").window()).isEqualTo(Duration.ofSeconds(20));
        assertThat(DemoOptions.parse("--clock", "scaled:5").window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(DemoOptions.parse("--duplicate-rate", "0", "--throttle-rate", "1"))
                .extracting(DemoOptions::duplicateRate, DemoOptions::throttleRate).containsExactly(0.0, 1.0);
        assertThatThrownBy(() -> DemoOptions.parse("--orders", "0"))
                .hasMessage("--orders takes a number from 1 to 1000000, got 0");
        assertThatThrownBy(() -> DemoOptions.parse("--window", "soon"))
                .hasMessage("--window takes a positive duration such as 500ms, 30s, 10m, 1h or PT10M, got 'soon'");
        assertThatThrownBy(() -> DemoOptions.parse("--duplicate-rate", "5%"))
                .hasMessage("--duplicate-rate takes a share from 0 to 1 such as 0.05 (0 turns the fault off), got '5%'");
        assertThatThrownBy(() -> DemoOptions.parse("--throttle-rate", "1.5"))
                .hasMessage("--throttle-rate takes a share from 0 to 1 such as 0.05 (0 turns the fault off), got '1.5'");
        assertThatThrownBy(() -> DemoOptions.parse("--clock", "fast"))
                .hasMessage("--clock takes manual, real or scaled:N (N above 0), got 'fast'");
        assertThatThrownBy(() -> DemoOptions.parse("--clock", "scaled:0"))
                .hasMessage("--clock takes manual, real or scaled:N (N above 0), got 'scaled:0'");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "blue")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> DemoOptions.parse("--prices")).hasMessage("unknown option or missing value: --prices");
    }

    @Test
    void a_price_file_that_cannot_be_read_is_named(@TempDir Path out) {
        Path missing = out.resolve("nope.csv");

        assertThatThrownBy(() -> PriceTable.load(missing)).hasMessageStartingWith("--prices: cannot read " + missing);
    }
}
